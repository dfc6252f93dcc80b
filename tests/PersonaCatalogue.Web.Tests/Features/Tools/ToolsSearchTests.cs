using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using PersonaCatalogue.Web.Features.Tools;
using PersonaCatalogue.Web.Tests.Infrastructure;

namespace PersonaCatalogue.Web.Tests.Features.Tools;

/// <summary>
/// The tools list's searches are worked out on sets in memory (ToolSearchSets): these check them against the database's
/// own answer for the same search and filters, and that a change to the tools reaches them.
/// </summary>
public class ToolsSearchTests(CatalogueAppFactory app) : IClassFixture<CatalogueAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static List<string> Slugs(IHtmlDocument doc) =>
        doc.QuerySelectorAll(".app-card__title a").Select(a => a.GetAttribute("href")!["/tools/".Length..]).ToList();

    private async Task<(List<string> Slugs, string Count)> AllPagesAsync(string url)
    {
        var slugs = new List<string>();
        for (var page = 1; page < 100; page++)
        {
            var doc = await app.GetDocumentAsync($"{url}&page={page}");
            slugs.AddRange(Slugs(doc));
            if (doc.QuerySelector(".govuk-pagination__next") is null)
            {
                return (slugs, doc.QuerySelector("#result-count")?.TextContent.Trim() ?? "");
            }
        }

        throw new InvalidOperationException("pagination never ended");
    }

    public static TheoryData<string> Filters() =>
    [
        "", "&persona=sara", "&persona=alan&persona=ida", "&kind=guide", "&kind=software&kind=data-portal", "&cost=free",
        "&cost=paid", "&open=yes", "&open=no", "&open=unknown", "&skill=cleaning-data", "&area=publishing",
        "&persona=chris&kind=guide&cost=free", "&sort=newest", "&persona=pat&sort=newest",
    ];

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task Search_WithFilters_ListsExactlyWhatTheDatabaseFindsInTheSameOrder(string filters)
    {
        foreach (var words in new[] { "data", "open", "map", "data open", "guid", "ethics", "zzzq" })
        {
            var url = $"/tools?q={Uri.EscapeDataString(words)}{filters}";
            var parsed = ParseFilters(url);
            await using var db = app.CreateDbContext();
            var matching = ToolQuery.Filter(db, parsed);
            var expected = await (parsed.SortNewest ? matching.OrderByDescending(t => t.AddedAt).ThenBy(t => t.Name) : matching.OrderBy(t => t.Name))
                .Select(t => t.Slug).ToListAsync(Ct);

            var (shown, count) = await AllPagesAsync(url);

            Assert.Equal(expected, shown);
            if (expected.Count > 0)
            {
                Assert.Matches($"^(Showing .* of )?{expected.Count} {(expected.Count == 1 ? "tool" : "tools")}$", count);
            }
        }
    }

    [Fact]
    public async Task Search_ForACommonWord_FindsTheSeededToolsThatSayIt()
    {
        // Two seed tools named outright, so a set that lost its words or its tools would fail here, not only differ.
        var (shown, _) = await AllPagesAsync("/tools?q=ethics");

        Assert.Contains("data-ethics-canvas", shown);
        Assert.DoesNotContain("ons-open-geography-portal", shown);
    }

    [Fact]
    public async Task Search_AfterAToolIsRenamedHere_FindsItByItsNewNameAtOnce()
    {
        await using (var db = app.CreateDbContext())
        {
            Assert.Empty(Slugs(await app.GetDocumentAsync("/tools?q=quokkaword")));
            var tool = await db.Tools.SingleAsync(t => t.Slug == "data-ethics-canvas", Ct);
            tool.Summary += " Quokkaword.";
            await db.SaveChangesAsync(Ct);
        }

        Assert.Equal(["data-ethics-canvas"], Slugs(await app.GetDocumentAsync("/tools?q=quokkaword&sort=newest")));
    }

    [Fact]
    public async Task Search_AfterAnotherProcessChangesATool_FindsItByItsAuditEntry()
    {
        Assert.Empty(Slugs(await app.GetDocumentAsync("/tools?q=wombatword")));

        await app.AppendToToolSummaryFromAnotherProcessAsync("data-ethics-canvas", "Wombatword.");

        Assert.Equal(["data-ethics-canvas"], Slugs(await app.GetDocumentAsync("/tools?q=wombatword&sort=newest")));
    }

    private static ToolFilters ParseFilters(string url)
    {
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri("https://localhost" + url).Query);
        List<string> Values(string name) => query.TryGetValue(name, out var v) ? [.. v.Select(x => x!)] : [];
        return new ToolFilters
        {
            Query = query["q"].ToString(),
            Personas = Values("persona"),
            Skills = Values("skill"),
            Areas = Values("area"),
            Kinds = Values("kind"),
            Costs = Values("cost"),
            Open = Values("open"),
            Sort = query.TryGetValue("sort", out var sort) ? sort.ToString() : null,
        };
    }
}
