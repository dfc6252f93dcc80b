using PersonaCatalogue.Core.Data.Entities;
using PersonaCatalogue.Web.Tests.Infrastructure;

namespace PersonaCatalogue.Web.Tests.Features.Search;

/// <summary>
/// A search matching more entries than are ranked (Search:MostRanked, 1,000 on the site, 25 here) ranks the first
/// that many, in the order they joined the catalogue, and says so rather than claiming a count; hits come 20 a page.
/// </summary>
public class SiteSearchRankingTests(SiteSearchRankingTests.App app) : IClassFixture<SiteSearchRankingTests.App>
{
    public class App : CatalogueAppFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Search:MostRanked"] = "25" };
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
    public async Task Search_MatchingMoreThanAreRanked_PagesThroughTheBestOfTheFirst25AndSaysSo()
    {
        var slugs = await AddToolsAsync("pelicanword", 30);

        var first = await app.GetDocumentAsync("/search?q=pelicanword");
        var second = await app.GetDocumentAsync("/search?q=pelicanword&page=2");

        Assert.Equal("More than 25 results for ‘pelicanword’", first.QuerySelector("[role=status] h2")!.TextContent.Trim());
        Assert.StartsWith("Showing 1 to 20 of the first 25 found, best first", first.QuerySelector("[role=status] p")!.TextContent);
        Assert.StartsWith("Showing 21 to 25 of the first 25 found, best first", second.QuerySelector("[role=status] p")!.TextContent);
        Assert.Equal(20, Hrefs(first).Count);
        Assert.Equal(slugs.Take(25).Select(s => $"/tools/{s}").Order(), Hrefs(first).Concat(Hrefs(second)).Order());
        Assert.NotNull(first.QuerySelector(".govuk-pagination a[href='/search?q=pelicanword&page=2']"));
    }

    [Fact]
    public async Task Search_MatchingNoMoreThanAreRanked_CountsThemAllAndPagesThroughThem()
    {
        var slugs = await AddToolsAsync("ibisword", 22);

        var first = await app.GetDocumentAsync("/search?q=ibisword");
        // Past the end: the last page rather than nothing.
        var last = await app.GetDocumentAsync("/search?q=ibisword&page=9");

        Assert.Equal("22 results for ‘ibisword’", first.QuerySelector("[role=status] h2")!.TextContent.Trim());
        Assert.Equal("Showing 1 to 20, best first.", first.QuerySelector("[role=status] p")!.TextContent.Trim());
        Assert.Equal("Showing 21 to 22, best first.", last.QuerySelector("[role=status] p")!.TextContent.Trim());
        Assert.Equal(slugs.Select(s => $"/tools/{s}").Order(), Hrefs(first).Concat(Hrefs(last)).Order());
    }

    [Fact]
    public async Task Search_WithAFewMatches_CountsThemWithoutPaging()
    {
        var slugs = await AddToolsAsync("egretword", 3);

        var doc = await app.GetDocumentAsync("/search?q=egretword");

        Assert.Equal("3 results for ‘egretword’", doc.QuerySelector("[role=status] h2")!.TextContent.Trim());
        Assert.Null(doc.QuerySelector("[role=status] p"));
        Assert.Null(doc.QuerySelector(".govuk-pagination"));
        Assert.Equal(slugs.Select(s => $"/tools/{s}").Order(), Hrefs(doc).Order());
    }
}
