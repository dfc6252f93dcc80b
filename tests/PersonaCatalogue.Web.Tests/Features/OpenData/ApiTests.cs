using System.Net;
using System.Net.Http.Headers;
using System.ServiceModel.Syndication;
using System.Text.Json;
using System.Xml;
using Microsoft.EntityFrameworkCore;
using PersonaCatalogue.Core.Data.Entities;
using PersonaCatalogue.Web.Tests.Infrastructure;

namespace PersonaCatalogue.Web.Tests.Features.OpenData;

public class ApiTests(CatalogueAppFactory app) : IClassFixture<CatalogueAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<JsonElement> GetJsonAsync(string url)
    {
        using var client = app.CreateBrowserLikeClient();
        using var response = await client.GetAsync(url, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.Clone();
    }

    [Fact]
    public async Task Personas_ListAndBySlug()
    {
        var list = await GetJsonAsync("/api/v1/personas");
        var ida = await GetJsonAsync("/api/v1/personas/ida");

        Assert.Equal(5, list.GetArrayLength());
        Assert.Equal("ida", ida.GetProperty("slug").GetString());
        Assert.True(ida.GetProperty("skills").GetArrayLength() > 5);
    }

    [Fact]
    public async Task Skills_ListAndBySlug()
    {
        var list = await GetJsonAsync("/api/v1/skills");
        var skill = await GetJsonAsync("/api/v1/skills/working-ethically");

        Assert.Equal(27, list.GetProperty("skills").GetArrayLength());
        Assert.Equal("management", skill.GetProperty("area").GetString());
        Assert.Contains("data-ethics-canvas", skill.GetProperty("tools").EnumerateArray().Select(t => t.GetString()));
    }

    [Fact]
    public async Task Tools_FiltersMatchTheToolsPage()
    {
        await using var db = app.CreateDbContext();
        var expected = await db.Tools
            .Where(t => t.Status == ToolStatus.Published && (t.Kind == ToolKind.Software || t.Kind == ToolKind.WebService) && t.Personas.Any(p => p.Persona.Slug == "ida"))
            .OrderBy(t => t.Name).Select(t => t.Slug).ToListAsync(Ct);

        var page = await GetJsonAsync("/api/v1/tools?persona=ida&kind=software&kind=web-service&page_size=100");

        Assert.Equal(expected.Count, page.GetProperty("total").GetInt32());
        Assert.Equal(expected, page.GetProperty("tools").EnumerateArray().Select(t => t.GetProperty("slug").GetString()));
    }

    [Fact]
    public async Task Tools_PagesAndSearch()
    {
        var first = await GetJsonAsync("/api/v1/tools?page_size=10");
        var second = await GetJsonAsync("/api/v1/tools?page_size=10&page=2");
        var search = await GetJsonAsync("/api/v1/tools?q=ethics");

        Assert.Equal(10, first.GetProperty("tools").GetArrayLength());
        Assert.NotEqual(first.GetProperty("tools")[0].GetProperty("slug").GetString(), second.GetProperty("tools")[0].GetProperty("slug").GetString());
        Assert.Contains("data-ethics-canvas", search.GetProperty("tools").EnumerateArray().Select(t => t.GetProperty("slug").GetString()));
    }

    [Fact]
    public async Task Tools_PagePastTheEnd_IsEmptyWithTheRealCounts()
    {
        var first = await GetJsonAsync("/api/v1/tools?page_size=10");
        var past = await GetJsonAsync("/api/v1/tools?page_size=10&page=999");
        var none = await GetJsonAsync("/api/v1/tools?q=zzqxjv");

        var total = first.GetProperty("total").GetInt32();
        Assert.Equal((999, 10, total, (total + 9) / 10, 0), (past.GetProperty("page").GetInt32(), past.GetProperty("page_size").GetInt32(),
            past.GetProperty("total").GetInt32(), past.GetProperty("page_count").GetInt32(), past.GetProperty("tools").GetArrayLength()));
        Assert.Equal((1, 0, 0), (none.GetProperty("page").GetInt32(), none.GetProperty("total").GetInt32(), none.GetProperty("page_count").GetInt32()));
    }

    [Theory]
    [InlineData("/api/v1/personas/nobody")]
    [InlineData("/api/v1/skills/juggling")]
    [InlineData("/api/v1/tools/no-such-tool")]
    public async Task UnknownSlug_Is404ProblemJson(string url)
    {
        using var client = app.CreateBrowserLikeClient();
        using var response = await client.GetAsync(url, Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task ConditionalGet_ReturnsNotModified_UntilSomethingChanges()
    {
        using var client = app.CreateBrowserLikeClient();
        using var first = await client.GetAsync("/api/v1/tools/qgis", Ct);
        var etag = first.Headers.ETag!;
        var lastModified = first.Content.Headers.LastModified!.Value;

        using var byEtag = new HttpRequestMessage(HttpMethod.Get, "/api/v1/tools/qgis");
        byEtag.Headers.IfNoneMatch.Add(etag);
        using var notModified = await client.SendAsync(byEtag, Ct);
        using var byDate = new HttpRequestMessage(HttpMethod.Get, "/api/v1/tools/qgis");
        byDate.Headers.IfModifiedSince = lastModified;
        using var notModifiedByDate = await client.SendAsync(byDate, Ct);

        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(HttpStatusCode.NotModified, notModifiedByDate.StatusCode);

        await using (var db = app.CreateDbContext())
        {
            var tool = await db.Tools.SingleAsync(t => t.Slug == "qgis", Ct);
            tool.Summary = "Maps and spatial analysis, free and open.";
            tool.LastReviewedAt = DateTime.UtcNow.AddSeconds(2);
            await db.SaveChangesAsync(Ct);
        }

        using var again = new HttpRequestMessage(HttpMethod.Get, "/api/v1/tools/qgis");
        again.Headers.IfNoneMatch.Add(etag);
        using var changed = await client.SendAsync(again, Ct);
        using var againByDate = new HttpRequestMessage(HttpMethod.Get, "/api/v1/tools/qgis");
        againByDate.Headers.IfModifiedSince = lastModified;
        using var changedByDate = await client.SendAsync(againByDate, Ct);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, changedByDate.StatusCode);
        Assert.NotEqual(etag, changed.Headers.ETag);
    }

    [Fact]
    public async Task Cors_IsOpenForGet()
    {
        using var client = app.CreateBrowserLikeClient();
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/v1/personas");
        preflight.Headers.Add("Origin", "https://elsewhere.example.org");
        preflight.Headers.Add("Access-Control-Request-Method", "GET");
        using var response = await client.SendAsync(preflight, Ct);

        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("GET", response.Headers.GetValues("Access-Control-Allow-Methods").Single());
    }

    [Fact]
    public async Task OpenApiDocument_IsValidJsonAndListsEveryEndpoint()
    {
        var document = await GetJsonAsync("/api/v1/openapi.json");

        Assert.StartsWith("3.", document.GetProperty("openapi").GetString());
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(
            ["/api/v1/personas", "/api/v1/personas/{slug}", "/api/v1/skills", "/api/v1/skills/{slug}", "/api/v1/support-needs", "/api/v1/tool-helpfulness", "/api/v1/tools", "/api/v1/tools/{slug}"],
            paths.Order());
        var toolParameters = document.GetProperty("paths").GetProperty("/api/v1/tools").GetProperty("get").GetProperty("parameters")
            .EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Contains("persona", toolParameters);
        Assert.Contains("q", toolParameters);
        Assert.Contains("page_size", toolParameters);
    }

    [Fact]
    public async Task Feed_IsAtomNewestFirst_AndListsAToolAsSoonAsItIsPublished()
    {
        await using (var db = app.CreateDbContext())
        {
            var persona = await db.Personas.SingleAsync(p => p.Slug == "alan", Ct);
            db.Tools.Add(new Tool
            {
                Slug = "brand-new-tool",
                Name = "Brand New Tool",
                Url = "https://new.example.org/",
                Summary = "Just published.",
                AddedAt = DateTime.UtcNow,
                LastReviewedAt = DateTime.UtcNow,
                Source = "TS-NEW01",
                Personas = [new PersonaTool { Persona = persona, Why = "Alan wants it." }],
            });
            await db.SaveChangesAsync(Ct);
        }

        using var client = app.CreateBrowserLikeClient();
        using var response = await client.GetAsync("/tools/feed.atom", Ct);
        using var reader = XmlReader.Create(await response.Content.ReadAsStreamAsync(Ct));
        var feed = SyndicationFeed.Load(reader);

        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType!.MediaType);
        var items = feed.Items.ToList();
        Assert.Equal("Brand New Tool", items[0].Title.Text);
        Assert.EndsWith("/tools/brand-new-tool", items[0].Links[0].Uri.ToString());
        Assert.True(items.Zip(items.Skip(1)).All(pair => pair.First.PublishDate >= pair.Second.PublishDate), "newest first");
        var toolsPage = await app.GetDocumentAsync("/tools");
        Assert.Equal("/tools/feed.atom", toolsPage.QuerySelector("link[rel=alternate][type='application/atom+xml']")!.GetAttribute("href"));
    }
}
