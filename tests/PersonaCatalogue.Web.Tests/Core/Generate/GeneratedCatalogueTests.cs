using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PersonaCatalogue.Core.Data;
using PersonaCatalogue.Core.Data.Entities;
using PersonaCatalogue.Core.Generate;
using PersonaCatalogue.Web.Tests.Infrastructure;

namespace PersonaCatalogue.Web.Tests.Core.Generate;

/// <summary>The seed catalogue plus generated tools, made once for the class before its tests run.</summary>
public class GeneratedCatalogueAppFactory : CatalogueAppFactory, IAsyncLifetime
{
    public const int GeneratedTools = 1000;

    public GenerateReport Report { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        if (SkipReason is not null)
        {
            // No database here: the tests skip, naming the reason (a skip raised in a fixture would count as a failure).
            return;
        }

        using var scope = Services.CreateScope();
        Report = await scope.ServiceProvider.GetRequiredService<CatalogueGenerator>().GenerateAsync(GeneratedTools, randomSeed: 7);
    }
}

public class GeneratedCatalogueTests(GeneratedCatalogueAppFactory app) : IClassFixture<GeneratedCatalogueAppFactory>
{
    /// <summary>Checked as each test's class is made, so every test skips when the database cannot be had.</summary>
    private readonly bool _databaseAvailable = Available(app);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Generate_AddsTheRequestedToolsWithOneToFourSkillsAndUpToThreePersonas()
    {
        await using var db = app.CreateDbContext();
        var generated = await db.Tools.AsNoTracking()
            .Where(t => t.Source == CatalogueGenerator.Source)
            .Select(t => new { t.Slug, t.Summary, t.Status, Skills = t.Skills.Count, Personas = t.Personas.Count })
            .ToListAsync(Ct);

        Assert.Equal(GeneratedCatalogueAppFactory.GeneratedTools, generated.Count);
        Assert.Equal(GeneratedCatalogueAppFactory.GeneratedTools, app.Report.Tools);
        Assert.Equal(app.Report.SkillLinks, generated.Sum(t => t.Skills));
        Assert.Equal(app.Report.PersonaLinks, generated.Sum(t => t.Personas));
        Assert.All(generated, t => Assert.InRange(t.Skills, 1, 4));
        Assert.All(generated, t => Assert.InRange(t.Personas, 0, 3));
        Assert.All(generated, t => Assert.Equal(ToolStatus.Published, t.Status));
        Assert.All(generated, t => Assert.InRange(t.Summary.Length, 10, FieldLengths.Summary));
        // Every count of links appears, so the lists of skills and personas are not all alike.
        Assert.Equal([1, 2, 3, 4], generated.Select(t => t.Skills).Distinct().Order());
        Assert.Equal([0, 1, 2, 3], generated.Select(t => t.Personas).Distinct().Order());

        // The search index triggers saw every generated tool.
        var indexed = await db.Database
            .SqlQuery<int>($"""SELECT COUNT(*) AS "Value" FROM "SearchIndex" WHERE "EntityType" = 'tool' AND "Slug" IN (SELECT "Slug" FROM "Tools" WHERE "Source" = {CatalogueGenerator.Source})""")
            .SingleAsync(Ct);
        Assert.Equal(GeneratedCatalogueAppFactory.GeneratedTools, indexed);
    }

    [Fact]
    public async Task ToolsList_PagesThroughTheWholeCatalogue_ShowingEveryToolOnce()
    {
        await using var db = app.CreateDbContext();
        var names = await db.Tools.Where(t => t.Status == ToolStatus.Published).ToDictionaryAsync(t => t.Slug, t => t.Name, Ct);
        var published = names.Keys.ToList();
        var expectedPages = (published.Count + 19) / 20;

        var (shown, pages, first) = await AllPagesAsync("/tools");

        Assert.Equal($"Showing 1 to 20 of {published.Count} tools", first.QuerySelector("#result-count")!.TextContent.Trim());
        Assert.Equal(expectedPages, pages);
        Assert.Equal(expectedPages.ToString(), first.QuerySelectorAll(".govuk-pagination__item").Last().TextContent.Trim());
        Assert.Equal(shown.Count, shown.Distinct().Count());
        Assert.Equal(published.Order(), shown.Order());
        // In name order from the first page to the last (a stable sort of what was shown changes nothing).
        Assert.Equal(shown.OrderBy(slug => names[slug], StringComparer.OrdinalIgnoreCase), shown);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(9999)]
    public async Task ToolsList_PageOfALongList_ShowsItsToolsAndTheWholeCount(int page)
    {
        // More than three pages: the first three are counted with a second query, later ones before the page.
        var (all, pages, _) = await AllPagesAsync("/tools?sort=newest");
        var shownPage = Math.Min(page, pages);
        var expected = all.Skip((shownPage - 1) * 20).Take(20).ToList();

        var doc = await app.GetDocumentAsync($"/tools?sort=newest&page={page}");

        Assert.Equal(expected, doc.QuerySelectorAll(".app-card__title a").Select(a => a.GetAttribute("href")!["/tools/".Length..]));
        Assert.Equal($"Showing {(shownPage - 1) * 20 + 1} to {(shownPage - 1) * 20 + expected.Count} of {all.Count} tools",
            doc.QuerySelector("#result-count")!.TextContent.Trim());
    }

    [Fact]
    public async Task ToolsList_SearchWithPersonaAndCost_ListsExactlyTheMatchingTools()
    {
        var expected = await MatchingAsync("transport", t =>
            t.Cost == ToolCost.Free && t.Personas.Any(p => p.Persona.Slug == "sara"));
        Assert.NotEmpty(expected);

        var (shown, _, _) = await AllPagesAsync("/tools?q=transport&persona=sara&cost=free");

        Assert.Equal(expected.Order(), shown.Order());
    }

    [Fact]
    public async Task ToolsList_SearchWithKindsLicenceAndNewestFirst_ListsExactlyTheMatchingToolsOverSeveralPages()
    {
        var expected = await MatchingAsync("council", t =>
            (t.Kind == ToolKind.Guide || t.Kind == ToolKind.Software || t.Kind == ToolKind.DataPortal) && t.IsOpen == true);
        Assert.True(expected.Count > 20, $"only {expected.Count} tools match, so the test would not cross a page");

        var (shown, pages, _) = await AllPagesAsync("/tools?q=council&kind=guide&kind=software&kind=data-portal&open=yes&sort=newest");

        Assert.Equal((expected.Count + 19) / 20, pages);
        Assert.Equal(shown.Count, shown.Distinct().Count());
        Assert.Equal(expected.Order(), shown.Order());
        await using var db = app.CreateDbContext();
        var tools = await db.Tools.Where(t => expected.Contains(t.Slug)).ToDictionaryAsync(t => t.Slug, t => new { t.AddedAt, t.Name }, Ct);
        Assert.Equal(shown.OrderByDescending(slug => tools[slug].AddedAt).ThenBy(slug => tools[slug].Name, StringComparer.OrdinalIgnoreCase), shown);
    }

    private static bool Available(CatalogueAppFactory app)
    {
        Assert.SkipWhen(app.SkipReason is not null, app.SkipReason ?? "");
        return true;
    }

    /// <summary>
    /// The published tools passing <paramref name="filter"/> whose name, summary, description or publisher has a word
    /// starting with <paramref name="word"/>: worked out here without the search index, to check the index against.
    /// </summary>
    private async Task<List<string>> MatchingAsync(string word, System.Linq.Expressions.Expression<Func<Tool, bool>> filter)
    {
        await using var db = app.CreateDbContext();
        var candidates = await db.Tools.AsNoTracking()
            .Where(t => t.Status == ToolStatus.Published)
            .Where(filter)
            .Select(t => new { t.Slug, Text = t.Name + " " + t.Summary + " " + t.Description + " " + t.Publisher })
            .ToListAsync(Ct);
        var pattern = new Regex($@"\b{word}", RegexOptions.IgnoreCase);
        return [.. candidates.Where(t => pattern.IsMatch(t.Text)).Select(t => t.Slug)];
    }

    /// <summary>Every slug a list shows, following "Next" from the first page, with the number of pages and the first page.</summary>
    private async Task<(List<string> Slugs, int Pages, IHtmlDocument First)> AllPagesAsync(string url)
    {
        var slugs = new List<string>();
        var first = await app.GetDocumentAsync(url);
        var doc = first;
        for (var pages = 1; pages <= 1000; pages++)
        {
            slugs.AddRange(doc.QuerySelectorAll(".app-card__title a").Select(a => a.GetAttribute("href")!["/tools/".Length..]));
            if (doc.QuerySelector(".govuk-pagination__next a")?.GetAttribute("href") is not { } next)
            {
                return (slugs, pages, first);
            }

            doc = await app.GetDocumentAsync(next);
        }

        throw new InvalidOperationException("pagination never ended");
    }
}
