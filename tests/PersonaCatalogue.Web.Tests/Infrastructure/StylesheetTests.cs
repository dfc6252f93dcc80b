using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;

namespace PersonaCatalogue.Web.Tests.Infrastructure;

/// <summary>
/// The stylesheet keeps only the selectors the views use (PurgeCSS at build time). The risk is a class a view puts
/// together at run time, which the scan cannot see: every GOV.UK Frontend class on the rendered pages, error states
/// included, must still be styled. Also the favicon every page links to.
/// </summary>
public partial class StylesheetTests(CatalogueAppFactory app) : IClassFixture<CatalogueAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string[] _pages =
    [
        "/", "/personas", "/personas/sara", "/skills", "/skills/designing-services", "/skills/matrix",
        "/tools", "/tools?persona=sara&kind=canvas-or-template&q=data", "/tools/data-ethics-canvas", "/search?q=ethics",
        "/search?q=qqqzzz", "/suggest-a-tool", "/self-assessment", "/self-assessment/introductions",
        "/self-assessment/result?introductions=aana&business=ncc&management=aaaca&publishing=nnnn&analysis=nnnnnnn&leadership=nann",
        "/data", "/about", "/privacy", "/accessibility", "/cookies", "/personas/suggest", "/support-needs", "/no-such-page",
    ];

    [Fact]
    public async Task EveryGovukClassOnThePages_IsInTheStylesheet()
    {
        var library = GovukClasses(await File.ReadAllTextAsync(LibraryStylesheet, Ct));
        using var client = app.CreateBrowserLikeClient();
        var ours = GovukClasses(await client.GetStringAsync("/css/site.css", Ct));

        var documents = new List<(string Url, IHtmlDocument Page)>();
        foreach (var url in _pages)
        {
            using var response = await client.GetAsync(url, Ct);
            documents.Add((url, await CatalogueAppFactory.ParseAsync(response)));
        }

        // Error states: an empty suggestion and a self-assessment page sent with nothing chosen.
        using (var invalid = await client.PostFormAsync("/suggest-a-tool", []))
        {
            documents.Add(("POST /suggest-a-tool", await CatalogueAppFactory.ParseAsync(invalid)));
        }

        using (var unanswered = await client.GetAsync("/self-assessment/introductions/next", Ct))
        {
            documents.Add(("/self-assessment/introductions/next", await CatalogueAppFactory.ParseAsync(unanswered)));
        }

        Assert.Contains(documents, d => d.Page.QuerySelector(".govuk-error-summary") is not null);
        var missing = documents
            .SelectMany(d => d.Page.QuerySelectorAll("[class]").SelectMany(e => e.ClassList).Select(c => (d.Url, Class: c)))
            .Where(x => library.Contains(x.Class) && !ours.Contains(x.Class))
            .Select(x => $"{x.Class} (on {x.Url})")
            .Distinct()
            .ToList();
        Assert.True(missing.Count == 0, "GOV.UK classes used but purged from site.css: " + string.Join(", ", missing));
    }

    /// <summary>
    /// PurgeCSS keeps only the tag colours, label and legend sizes and input widths listed in purgecss.config.cjs,
    /// because the components build those class names from a value. Staff pages use some of them and are not rendered
    /// above, so this reads the values from the same sources PurgeCSS scans: a GOV.UK tag colour written as a string
    /// anywhere there, and every LabelSize, LegendSize and Width given to a component (their defaults included).
    /// </summary>
    [Fact]
    public async Task EveryValueTheComponentsTurnIntoAClass_IsInTheStylesheet()
    {
        using var client = app.CreateBrowserLikeClient();
        var ours = GovukClasses(await client.GetStringAsync("/css/site.css", Ct));
        var tagColours = GovukClasses(await File.ReadAllTextAsync(LibraryStylesheet, Ct))
            .Where(c => c.StartsWith("govuk-tag--", StringComparison.Ordinal))
            .Select(c => c["govuk-tag--".Length..])
            .ToList();
        Assert.Contains("purple", tagColours);

        var webProject = Path.Combine(Directory.GetParent(TestPaths.SeedData)!.FullName, "src", "PersonaCatalogue.Web");
        var sources = new[] { "Features", "Infrastructure" }
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(webProject, folder), "*.*", SearchOption.AllDirectories))
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
            .Select(File.ReadAllText)
            .ToList();

        var needed = new HashSet<string>();
        foreach (var source in sources)
        {
            needed.UnionWith(tagColours.Where(colour => source.Contains($"\"{colour}\"", StringComparison.Ordinal)).Select(c => "govuk-tag--" + c));
            foreach (Match m in ComponentSize().Matches(source))
            {
                needed.Add(m.Groups["name"].Value switch
                {
                    "LabelSize" => "govuk-label--",
                    "LegendSize" => "govuk-fieldset__legend--",
                    _ => "govuk-input--width-",
                } + m.Groups["value"].Value);
            }
        }

        // The values the views passed when this was written, so a broken scan cannot pass by finding nothing.
        Assert.Superset(new HashSet<string> { "govuk-tag--purple", "govuk-tag--yellow", "govuk-label--s", "govuk-fieldset__legend--m", "govuk-input--width-20" }, needed);
        var missing = needed.Where(c => !ours.Contains(c)).Order().ToList();
        Assert.True(missing.Count == 0, "Classes the components build but purged from site.css (add the value to purgecss.config.cjs): " + string.Join(", ", missing));
    }

    [Fact]
    public async Task Stylesheet_LeavesOutComponentsNoViewUses()
    {
        using var client = app.CreateBrowserLikeClient();
        var ours = GovukClasses(await client.GetStringAsync("/css/site.css", Ct));

        Assert.Contains("govuk-summary-list", ours);
        Assert.DoesNotContain("govuk-accordion", ours);
        Assert.DoesNotContain("govuk-cookie-banner", ours);
        Assert.DoesNotContain("govuk-header__logotype", ours);
    }

    [Fact]
    public async Task Favicon_IsAnIcon_LinkedFromEveryPage()
    {
        var page = await app.GetDocumentAsync("/personas/sara");
        Assert.StartsWith("/favicon.ico?v=", page.QuerySelector("link[rel=icon]")?.GetAttribute("href"));

        using var client = app.CreateBrowserLikeClient();
        using var response = await client.GetAsync("/favicon.ico", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/x-icon", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
        Assert.Equal(new byte[] { 0, 0, 1, 0 }, bytes[..4]);
    }

    private static string LibraryStylesheet => Path.Combine(Directory.GetParent(TestPaths.SeedData)!.FullName,
        "src", "PersonaCatalogue.Web", "node_modules", "govuk-frontend", "dist", "govuk", "govuk-frontend.min.css");

    private static HashSet<string> GovukClasses(string css) =>
        ClassSelector().Matches(css).Select(m => m.Groups[1].Value).ToHashSet();

    [GeneratedRegex(@"\.(govuk-[A-Za-z0-9_-]+)")]
    private static partial Regex ClassSelector();

    /// <summary>A named argument (<c>LabelSize: "s"</c>) or a parameter's default (<c>string LabelSize = "m"</c>).</summary>
    [GeneratedRegex(@"\b(?<name>LabelSize|LegendSize|Width)(?::|\s*=)\s*""(?<value>[A-Za-z0-9-]+)""")]
    private static partial Regex ComponentSize();
}
