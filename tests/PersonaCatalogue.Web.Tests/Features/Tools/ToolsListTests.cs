using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using PersonaCatalogue.Core.Data.Entities;
using PersonaCatalogue.Web.Tests.Infrastructure;

namespace PersonaCatalogue.Web.Tests.Features.Tools;

public class ToolsListTests(CatalogueAppFactory app) : IClassFixture<CatalogueAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static List<string> Slugs(IHtmlDocument doc) =>
        doc.QuerySelectorAll(".app-card__title a").Select(a => a.GetAttribute("href")!["/tools/".Length..]).ToList();

    /// <summary>Every slug the list shows for a URL, following its pagination.</summary>
    private async Task<List<string>> AllSlugsAsync(string url)
    {
        var slugs = new List<string>();
        for (var page = 1; page < 100; page++)
        {
            var doc = await app.GetDocumentAsync(url + (url.Contains('?') ? "&" : "?") + $"page={page}");
            slugs.AddRange(Slugs(doc));
            if (doc.QuerySelector(".govuk-pagination__next") is null)
            {
                return slugs;
            }
        }

        throw new InvalidOperationException("pagination never ended");
    }

    [Fact]
    public async Task Index_Unfiltered_PagesThroughEveryPublishedToolInNameOrder()
    {
        await using var db = app.CreateDbContext();
        var expected = (await db.Tools.Where(t => t.Status == ToolStatus.Published).Select(t => new { t.Slug, t.Name }).ToListAsync(Ct))
            .OrderBy(t => t.Name, StringComparer.OrdinalIgnoreCase).Select(t => t.Slug).ToList();
        Assert.True(expected.Count >= 30);

        var first = await app.GetDocumentAsync("/tools");
        Assert.Equal(20, Slugs(first).Count);
        Assert.Equal($"Showing 1 to 20 of {expected.Count} tools", first.QuerySelector("#result-count")!.TextContent.Trim());

        Assert.Equal(expected, await AllSlugsAsync("/tools"));
    }

    [Fact]
    public async Task Index_FilterByPersonaAndKind_ShowsExactlyTheMatchingTools()
    {
        await using var db = app.CreateDbContext();
        var expected = await db.Tools
            .Where(t => t.Status == ToolStatus.Published && t.Kind == ToolKind.Guide && t.Personas.Any(p => p.Persona.Slug == "sara"))
            .Select(t => t.Slug).ToListAsync(Ct);
        Assert.NotEmpty(expected);

        var shown = await AllSlugsAsync("/tools?persona=sara&kind=guide");

        Assert.Equal(expected.Order(), shown.Order());
    }

    [Fact]
    public async Task Index_TwoValuesInOneGroup_MatchEither_AndGroupsCombine()
    {
        await using var db = app.CreateDbContext();
        var expected = await db.Tools
            .Where(t => t.Status == ToolStatus.Published
                && (t.Cost == ToolCost.Free || t.Cost == ToolCost.Freemium)
                && t.IsOpen == true
                && t.Skills.Any(s => s.Skill.Area.Slug == "analysis"))
            .Select(t => t.Slug).ToListAsync(Ct);
        Assert.NotEmpty(expected);

        var shown = await AllSlugsAsync("/tools?cost=free&cost=freemium&open=yes&area=analysis");

        Assert.Equal(expected.Order(), shown.Order());
    }

    [Fact]
    public async Task Index_FilterBySkill_ShowsToolsLinkedToThatSkill()
    {
        await using var db = app.CreateDbContext();
        var expected = await db.ToolSkills.Where(ts => ts.Skill.Slug == "working-ethically" && ts.Tool.Status == ToolStatus.Published)
            .Select(ts => ts.Tool.Slug).ToListAsync(Ct);

        var shown = await AllSlugsAsync("/tools?skill=working-ethically");

        Assert.Contains("data-ethics-canvas", shown);
        Assert.Equal(expected.Order(), shown.Order());
    }

    [Fact]
    public async Task Index_KeywordSearch_FindsByNameAndDescription()
    {
        var shown = await AllSlugsAsync("/tools?q=ethics");

        Assert.Contains("data-ethics-canvas", shown);
        Assert.Contains("data-and-ai-ethics-framework", shown);
        Assert.DoesNotContain("qgis", shown);
    }

    [Fact]
    public async Task Index_KeywordSearchWithOperatorsAndQuotes_IsHarmless()
    {
        using var client = app.CreateBrowserLikeClient();
        foreach (var q in new[] { "\"", "ethics OR", "NEAR(", "*", "-", "a\"b*c", "💡", "'; DROP TABLE Tools; --" })
        {
            using var response = await client.GetAsync("/tools?q=" + Uri.EscapeDataString(q), Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Fact]
    public async Task Index_ActiveFilters_AreRemovableTagsKeepingTheRest()
    {
        var doc = await app.GetDocumentAsync("/tools?q=data&persona=sara&kind=guide&sort=newest");

        var tags = doc.QuerySelectorAll(".app-filter-tag").ToDictionary(a => a.TextContent.Replace("Remove filter", "").Replace("×", "").Trim(), a => a.GetAttribute("href"));
        Assert.Equal("/tools?q=data&kind=guide&sort=newest", tags["Sara, Service delivery manager and budget holder"]);
        Assert.Equal("/tools?q=data&persona=sara&sort=newest", tags["Guide"]);
        Assert.Equal("/tools?persona=sara&kind=guide&sort=newest", tags["Search: data"]);
        Assert.NotNull(doc.QuerySelector("a[href='/tools']"));
        Assert.NotNull(doc.QuerySelector("input[name=persona][value=sara][checked]"));
        Assert.NotNull(doc.QuerySelector("option[value=newest][selected]"));
    }

    [Fact]
    public async Task Index_UnknownFilterValuesAndBadPage_AreIgnored()
    {
        var doc = await app.GetDocumentAsync("/tools?persona=nobody&kind=spaceship&page=-4&sort=random");

        Assert.Empty(doc.QuerySelectorAll(".app-filter-tag"));
        Assert.Equal(20, Slugs(doc).Count);
    }

    [Theory]
    [InlineData("/tools")]
    [InlineData("/tools?persona=alan")]
    [InlineData("/tools?q=open&kind=guide")]
    [InlineData("/tools?q=xylophonics")]
    public async Task Index_ResultCount_IsHowManyToolsThePagesShow(string url)
    {
        // Both ways of counting: a first page with room to spare counts itself, a full one asks the database.
        var shown = (await AllSlugsAsync(url)).Count;

        var doc = await app.GetDocumentAsync(url);

        var expected = shown switch
        {
            0 => "No tools found",
            1 => "1 tool",
            > 20 => $"Showing 1 to 20 of {shown} tools",
            _ => $"{shown} tools",
        };
        Assert.Equal(expected, doc.QuerySelector("#result-count")!.TextContent.Trim());
    }

    [Theory]
    [InlineData("/tools", 2)]
    [InlineData("/tools", 3)]
    [InlineData("/tools", 4)]
    [InlineData("/tools?q=open&kind=guide", 2)]
    [InlineData("/tools?q=xylophonics", 3)]
    public async Task Index_AnyOfTheFirstPages_ShowsItsToolsAndTheWholeCount_OrTheLastPageWhenPastTheEnd(string url, int page)
    {
        // The first three pages come from one query when the list is short (the seed catalogue's is): check each
        // page's tools and count line against the list paged through from the start.
        var all = await AllSlugsAsync(url);
        var pages = Math.Max(1, (all.Count + 19) / 20);
        var shownPage = Math.Min(page, pages);
        var expected = all.Skip((shownPage - 1) * 20).Take(20).ToList();

        var doc = await app.GetDocumentAsync(url + (url.Contains('?') ? "&" : "?") + $"page={page}");

        Assert.Equal(expected, Slugs(doc));
        var countLine = all.Count switch
        {
            0 => "No tools found",
            1 => "1 tool",
            > 20 => $"Showing {(shownPage - 1) * 20 + 1} to {(shownPage - 1) * 20 + expected.Count} of {all.Count} tools",
            _ => $"{all.Count} tools",
        };
        Assert.Equal(countLine, doc.QuerySelector("#result-count")!.TextContent.Trim());
    }

    [Fact]
    public async Task Index_PageBeyondTheEnd_ShowsTheLastPage()
    {
        var doc = await app.GetDocumentAsync("/tools?page=999");

        Assert.NotEmpty(Slugs(doc));
        Assert.Null(doc.QuerySelector(".govuk-pagination__next"));
    }

    [Fact]
    public async Task Index_SortNewest_PutsTheMostRecentlyAddedFirst()
    {
        await using var db = app.CreateDbContext();
        var newest = await db.Tools.Where(t => t.Status == ToolStatus.Published)
            .OrderByDescending(t => t.AddedAt).ThenBy(t => t.Name).Select(t => t.Slug).FirstAsync(Ct);

        var doc = await app.GetDocumentAsync("/tools?sort=newest");

        Assert.Equal(newest, Slugs(doc)[0]);
    }

    [Fact]
    public async Task Index_NothingMatches_ShowsHelpfulEmptyState()
    {
        var doc = await app.GetDocumentAsync("/tools?q=xylophonics");

        Assert.Equal("No tools found", doc.QuerySelector("#result-count")!.TextContent.Trim());
        Assert.Contains("removing some filters", doc.QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task Detail_ShowsEverythingAndLinksOutSafely()
    {
        var doc = await app.GetDocumentAsync("/tools/csvlint");

        Assert.Equal("CSVLint", doc.QuerySelector("h1")!.TextContent.Trim(), ignoreCase: true);
        var outbound = doc.QuerySelector("main a[href^='http']")!;
        Assert.Equal("noopener noreferrer", outbound.GetAttribute("rel"));
        var keys = doc.QuerySelectorAll(".govuk-summary-list__key").Select(k => k.TextContent.Trim()).ToList();
        Assert.Contains("Added to the catalogue", keys);
        Assert.Contains("Last reviewed", keys);
        Assert.NotEmpty(doc.QuerySelectorAll("main a[href^='/personas/']"));
        Assert.NotEmpty(doc.QuerySelectorAll("main a[href^='/skills/']"));
    }

    [Fact]
    public async Task Detail_MarkdownWithScriptRawHtmlAndJavascriptLinks_IsInert()
    {
        await using var db = app.CreateDbContext();
        var tool = await db.Tools.SingleAsync(t => t.Slug == "miro", Ct);
        tool.Description = "Try <script>alert(1)</script> and <b onmouseover=alert(2)>bold</b>.\n\n[bad](javascript:alert(3)) [good](https://miro.com/)";
        await db.SaveChangesAsync(Ct);

        var doc = await app.GetDocumentAsync("/tools/miro");

        var prose = doc.QuerySelector(".app-prose")!;
        Assert.Empty(prose.QuerySelectorAll("script, b"));
        Assert.Contains("<script>", prose.TextContent);
        Assert.DoesNotContain(prose.QuerySelectorAll("a"), a => (a.GetAttribute("href") ?? "").StartsWith("javascript", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(prose.QuerySelectorAll("a"), a => a.GetAttribute("href") == "https://miro.com/");
    }

    [Fact]
    public async Task Detail_UnknownSlug_Is404()
    {
        using var client = app.CreateBrowserLikeClient();
        using var response = await client.GetAsync("/tools/no-such-tool", Ct);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    /// <summary>tools-facts.md marks these twelve tools' licence "unknown".</summary>
    private static readonly string[] _licenceNotKnown =
    [
        "data-ecosystem-mapping-tool", "data-europa-eu-academy", "data-landscape-playbook", "data-skills-framework-2019", "ico-dpia-guidance", "lg-inform",
        "open-data-camp", "open-data-charter", "open-data-handbook", "open-standards-for-data-guidebook", "the-data-spectrum", "uk-government-api-catalogue",
    ];

    [Fact]
    public async Task Index_LicenceNotKnownFilter_FindsExactlyTheToolsWhoseLicenceIsNotKnown()
    {
        var shown = await AllSlugsAsync("/tools?open=unknown");

        Assert.Equal(_licenceNotKnown, shown.Order(StringComparer.Ordinal));
        var filters = await app.GetDocumentAsync("/tools");
        Assert.Equal(["yes", "no", "unknown"], filters.QuerySelectorAll("input[name=open]").Select(i => i.GetAttribute("value")));
    }

    [Fact]
    public async Task Index_LicenceYesNoAndNotKnown_TogetherListEveryTool_AndNoNeverIncludesNotKnown()
    {
        var all = await AllSlugsAsync("/tools");
        var no = await AllSlugsAsync("/tools?open=no");

        Assert.Equal(all.Order(), (await AllSlugsAsync("/tools?open=yes&open=no&open=unknown")).Order());
        Assert.Empty(no.Intersect(_licenceNotKnown));
        Assert.Contains("datawrapper", no);
    }

    [Fact]
    public async Task Detail_UnknownLicence_ReadsNotKnown_AndKnownOnesYesOrNo()
    {
        static async Task<string> Licence(CatalogueAppFactory app, string slug) =>
            (await app.GetDocumentAsync($"/tools/{slug}")).QuerySelectorAll(".govuk-summary-list__row")
                .Single(r => r.QuerySelector(".govuk-summary-list__key")!.TextContent.Trim() == "Open source or openly licensed")
                .QuerySelector(".govuk-summary-list__value")!.TextContent.Trim();

        Assert.Equal("Not known", await Licence(app, "the-data-spectrum"));
        Assert.Equal("Yes", await Licence(app, "openrefine"));
        Assert.Equal("No", await Licence(app, "tableau-public"));
    }
}
