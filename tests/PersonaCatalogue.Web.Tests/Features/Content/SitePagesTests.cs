using System.Net;
using System.Text.Json;
using PersonaCatalogue.Web.Infrastructure;
using PersonaCatalogue.Web.Tests.Infrastructure;

namespace PersonaCatalogue.Web.Tests.Features.Content;

public class SitePagesTests(CatalogueAppFactory app) : IClassFixture<CatalogueAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/", "Learning personas for public services")]
    [InlineData("/about", "About this catalogue")]
    [InlineData("/privacy", "Privacy notice")]
    [InlineData("/accessibility", "Accessibility statement")]
    [InlineData("/cookies", "Cookies")]
    [InlineData("/search", "Search the catalogue")]
    public async Task Page_Renders_WithOneHeadingAndTitle(string url, string heading)
    {
        var doc = await app.GetDocumentAsync(url);

        Assert.Single(doc.QuerySelectorAll("h1"));
        Assert.Equal(heading, doc.QuerySelector("h1")!.TextContent.Trim());
        Assert.EndsWith("Learning personas", doc.Title);
        Assert.NotNull(doc.QuerySelector("a.govuk-skip-link[href='#main-content']"));
        Assert.NotNull(doc.QuerySelector("main#main-content"));
    }

    [Fact]
    public async Task Home_ShowsPersonaCardsRecentToolsAndSearch()
    {
        var doc = await app.GetDocumentAsync("/");

        Assert.Equal(5, doc.QuerySelectorAll(".app-card__title a[href^='/personas/']").Length);
        Assert.Equal(5, doc.QuerySelectorAll("main a[href^='/tools/']").Length);
        Assert.NotNull(doc.QuerySelector("form[action='/search'] input[name=q]"));
        Assert.Null(doc.QuerySelector("script"));
    }

    [Fact]
    public async Task Layout_HasOurOwnHeaderAndNoGovUkBranding()
    {
        using var client = app.CreateBrowserLikeClient();
        var html = await client.GetStringAsync("/", Ct);
        var css = await client.GetStringAsync("/css/site.css", Ct);

        Assert.Contains("Learning personas for public services", html);
        Assert.DoesNotContain("govuk-header__logotype", html);
        Assert.DoesNotContain("crown", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("GDS Transport", css);
        Assert.Contains("system-ui", css);
    }

    [Fact]
    public async Task Responses_CarryTheSecurityHeaders()
    {
        using var client = app.CreateBrowserLikeClient();
        using var response = await client.GetAsync("/tools", Ct);

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task Pages_HaveNoInlineStylesOrScripts_SoTheCspHolds()
    {
        foreach (var url in new[] { "/", "/personas/ida", "/skills", "/tools?persona=ida", "/tools?sort=helpful", "/tools/qgis", "/search?q=data", "/personas/suggest", "/support-needs" })
        {
            var doc = await app.GetDocumentAsync(url);
            Assert.Empty(doc.QuerySelectorAll("[style], style, script"));
        }
    }

    [Fact]
    public async Task UnknownPage_IsAFriendly404()
    {
        using var client = app.CreateBrowserLikeClient();
        using var response = await client.GetAsync("/this/does/not/exist", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var doc = await CatalogueAppFactory.ParseAsync(response);
        Assert.Equal("Page not found – Learning personas", doc.Title);
        Assert.NotNull(doc.QuerySelector("main a[href='/search']"));
    }

    [Fact]
    public async Task ErrorPage_IsFriendlyAnd500()
    {
        using var client = app.CreateBrowserLikeClient();
        using var response = await client.GetAsync("/error", Ct);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var doc = await CatalogueAppFactory.ParseAsync(response);
        Assert.Equal("Sorry, there is a problem with the service", doc.QuerySelector("h1")!.TextContent.Trim());
    }

    [Fact]
    public async Task Health_ReportsTheDatabaseHealthy_NamingItsProvider()
    {
        using var client = app.CreateBrowserLikeClient();
        using var response = await client.GetAsync("/health", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal("Healthy", json.RootElement.GetProperty("status").GetString());
        var checks = json.RootElement.GetProperty("checks");
        Assert.Equal("Healthy", checks.GetProperty("database").GetProperty("status").GetString());
        Assert.Equal(CatalogueAppFactory.ProviderName, checks.GetProperty("database").GetProperty("description").GetString());
        Assert.False(checks.TryGetProperty("redis", out _), "Redis is reported though none is configured");
    }
}
