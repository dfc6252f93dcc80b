using PersonaCatalogue.Core.Data.Entities;
using PersonaCatalogue.Web.Tests.Infrastructure;

namespace PersonaCatalogue.Web.Tests.Features.Search;

/// <summary>
/// A search matching more entries than are ranked (Search:MostRanked, 1,000 on the site, five here) ranks the first
/// that many, in the order they joined the catalogue, and says so rather than claiming a count.
/// </summary>
public class SiteSearchRankingTests(SiteSearchRankingTests.App app) : IClassFixture<SiteSearchRankingTests.App>
{
    public class App : CatalogueAppFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Search:MostRanked"] = "5" };
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Adds published tools whose summaries hold <paramref name="word"/>, one after another; their slugs in that order.</summary>
    private async Task<List<string>> AddToolsAsync(string word, int count)
    {
        await using var db = app.CreateDbContext();
        var slugs = new List<string>();
        for (var i = 1; i <= count; i++)
        {
            var slug = $"{word}-{i}";
            db.Tools.Add(new Tool
            {
                Slug = slug,
                Name = $"Tool {word} {i}",
                Url = $"https://{word}{i}.example.org/",
                NormalisedUrl = $"{word}{i}.example.org",
                Summary = $"About {word}.",
                Description = "Generated for a test.",
                Kind = ToolKind.Guide,
                Cost = ToolCost.Free,
                Publisher = "Test",
                AddedAt = DateTime.UtcNow,
                Source = "test",
            });
            // One at a time, so the ids (and the order the index has them in) follow the list.
            await db.SaveChangesAsync(Ct);
            slugs.Add(slug);
        }

        return slugs;
    }

    private static List<string> Hrefs(AngleSharp.Html.Dom.IHtmlDocument doc) =>
        doc.QuerySelectorAll(".app-search-hit h3 a").Select(a => a.GetAttribute("href")!).ToList();

    [Fact]
    public async Task Search_MatchingMoreThanAreRanked_ShowsTheBestOfTheFirstFiveAndSaysSo()
    {
        var slugs = await AddToolsAsync("pelicanword", 8);

        var doc = await app.GetDocumentAsync("/search?q=pelicanword");

        Assert.Equal("More than 5 results for ‘pelicanword’", doc.QuerySelector("[role=status] h2")!.TextContent.Trim());
        Assert.Contains("best 5 of the first 5 found", doc.QuerySelector("[role=status] p")!.TextContent);
        Assert.Equal(slugs.Take(5).Select(s => $"/tools/{s}").Order(), Hrefs(doc).Order());
    }

    [Fact]
    public async Task Search_MatchingNoMoreThanAreRanked_CountsAndShowsThemAll()
    {
        var slugs = await AddToolsAsync("ibisword", 3);

        var doc = await app.GetDocumentAsync("/search?q=ibisword");

        Assert.Equal("3 results for ‘ibisword’", doc.QuerySelector("[role=status] h2")!.TextContent.Trim());
        Assert.Null(doc.QuerySelector("[role=status] p"));
        Assert.Equal(slugs.Select(s => $"/tools/{s}").Order(), Hrefs(doc).Order());
    }
}
