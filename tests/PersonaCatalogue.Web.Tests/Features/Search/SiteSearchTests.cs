using Microsoft.EntityFrameworkCore;
using PersonaCatalogue.Core.Data.Entities;
using PersonaCatalogue.Web.Tests.Infrastructure;

namespace PersonaCatalogue.Web.Tests.Features.Search;

public class SiteSearchTests(CatalogueAppFactory app) : IClassFixture<CatalogueAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static List<string> Hrefs(AngleSharp.Html.Dom.IHtmlDocument doc) =>
        doc.QuerySelectorAll(".app-search-hit h3 a").Select(a => a.GetAttribute("href")!).ToList();

    [Fact]
    public async Task Search_FindsPersonasSkillsAndTools_WithTitleMatchesRankedFirst()
    {
        var doc = await app.GetDocumentAsync("/search?q=ethics");

        var hrefs = Hrefs(doc);
        Assert.Contains("/tools/data-ethics-canvas", hrefs.Take(3));
        Assert.Contains("/skills/working-ethically", hrefs);
        Assert.Contains(doc.QuerySelectorAll(".app-search-hit .app-card__meta"), m => m.TextContent == "Persona");
    }

    [Fact]
    public async Task Search_PersonaByRole_FindsThePersona()
    {
        var doc = await app.GetDocumentAsync("/search?q=chief%20executive");

        Assert.Equal("/personas/chris", Hrefs(doc)[0]);
    }

    [Fact]
    public async Task Search_HitsHaveSnippetsWithTheMatchMarked()
    {
        var doc = await app.GetDocumentAsync("/search?q=budget");

        Assert.NotEmpty(doc.QuerySelectorAll(".app-search-hit mark"));
        Assert.All(doc.QuerySelectorAll(".app-search-hit mark"), m => Assert.StartsWith("budget", m.TextContent, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Search_NothingFound_ShowsHelpfulEmptyState()
    {
        var doc = await app.GetDocumentAsync("/search?q=qwertyuiop");

        Assert.Equal("No results for ‘qwertyuiop’", doc.QuerySelector("[role=status] h2")!.TextContent.Trim());
        Assert.NotNull(doc.QuerySelector("main a[href='/tools']"));
    }

    [Fact]
    public async Task Search_PunctuationOnlyOrOperators_IsHarmless()
    {
        foreach (var q in new[] { "\"\"", "(", "AND", "ethics\" OR \"x", "<script>alert(1)</script>" })
        {
            var doc = await app.GetDocumentAsync("/search?q=" + Uri.EscapeDataString(q));
            Assert.Empty(doc.QuerySelectorAll("main script"));
        }
    }

    [Fact]
    public async Task Search_SnippetTextIsEncoded()
    {
        await using var db = app.CreateDbContext();
        var tool = await db.Tools.SingleAsync(t => t.Slug == "qgis", Ct);
        // The markup right after the matched word, so that both databases' snippets (which pick their window of
        // words differently) include it.
        tool.Description = "Maps for zebrafinch <img src=x onerror=alert(1)> lovers";
        await db.SaveChangesAsync(Ct);

        var doc = await app.GetDocumentAsync("/search?q=zebrafinch");

        var hit = doc.QuerySelector(".app-search-hit")!;
        Assert.Null(hit.QuerySelector("img"));
        Assert.Contains("<img src=x", hit.QuerySelector("p.govuk-body")!.TextContent);
    }

    [Fact]
    public async Task Search_RetiringAToolDropsItFromResults_AndRestoringBringsItBack()
    {
        await using var db = app.CreateDbContext();
        var tool = await db.Tools.SingleAsync(t => t.Slug == "openrefine", Ct);

        Assert.Contains("/tools/openrefine", Hrefs(await app.GetDocumentAsync("/search?q=openrefine")));

        tool.Status = ToolStatus.Retired;
        await db.SaveChangesAsync(Ct);
        Assert.DoesNotContain("/tools/openrefine", Hrefs(await app.GetDocumentAsync("/search?q=openrefine")));
        Assert.Null((await app.GetDocumentAsync("/tools?q=openrefine")).QuerySelector(".app-card__title a[href='/tools/openrefine']"));

        tool.Status = ToolStatus.Published;
        await db.SaveChangesAsync(Ct);
        Assert.Contains("/tools/openrefine", Hrefs(await app.GetDocumentAsync("/search?q=openrefine")));
    }
}
