using System.Data.Common;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using PersonaCatalogue.Core.Data;
using PersonaCatalogue.Core.Search;
using PersonaCatalogue.Web.Tests.Infrastructure;

namespace PersonaCatalogue.Web.Tests.Features.Search;

/// <summary>
/// SQLite's site search ranks in memory from each word's bm25 scores (SearchTermScores): these check its hits, ranks
/// and counts against FTS5 ranking the whole query itself, and that a change to the catalogue reaches them. SQLite
/// only: PostgreSQL ranks in SQL (the PostgreSQL test project leaves this file out).
/// </summary>
public class SiteSearchScoresTests(CatalogueAppFactory app) : IClassFixture<CatalogueAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed record Ranked(string Kind, string Slug, double Rank);

    /// <summary>FTS5's own answer: every match of the whole query, ranked by bm25 with the site's column weights.</summary>
    private static Task<List<Ranked>> RankedByFts5Async(CatalogueDbContext db, string query) =>
        db.Database.SqlQuery<Ranked>($"""
            SELECT EntityType AS Kind, Slug, bm25(SearchIndex, 0, 0, 0, 10.0, 4.0, 1.0) AS Rank
            FROM SearchIndex WHERE SearchIndex MATCH {query}
            ORDER BY Rank, rowid
            """).ToListAsync(Ct);

    [Theory]
    [InlineData("data", "\"data\"*")]
    [InlineData("open data", "\"open\"* \"data\"*")]
    [InlineData("Data OPEN", "\"data\"* \"open\"*")]
    [InlineData("user research", "\"user\"* \"research\"*")]
    [InlineData("publish open data", "\"publish\"* \"open\"* \"data\"*")]
    [InlineData("dat", "\"dat\"*")]
    [InlineData("data data", "\"data\"* \"data\"*")]
    [InlineData("skills", "\"skills\"*")]
    [InlineData("zzzqqq", "\"zzzqqq\"*")]
    public async Task Search_RanksAndCountsAsFts5RanksTheWholeQuery(string typed, string fts5Query)
    {
        await using var db = app.CreateDbContext();
        var expected = await RankedByFts5Async(db, fts5Query);
        var scores = app.Services.GetRequiredService<SearchTermScores>();

        var matches = await SearchIndex.SearchAsync(db, scores, SearchIndex.Terms(typed)!, 0, 1000, 1000, Ct);

        Assert.Equal(expected.Count, matches.Matched);
        // The same entries in the same order with the same scores, to the last bit.
        Assert.Equal(expected, matches.Hits.Select(h => new Ranked(h.Kind, h.Slug, h.Rank)).ToList());
    }

    [Fact]
    public async Task Search_PagesAndCapsLikeTheWholeList()
    {
        await using var db = app.CreateDbContext();
        var scores = app.Services.GetRequiredService<SearchTermScores>();
        var terms = SearchIndex.Terms("data")!;
        var firstTen = (await RankedByFts5Async(db, "\"data\"*")).Take(10).ToList();
        // The first ten matches in the order entries joined the index, ranked among themselves.
        var firstTenJoined = await db.Database.SqlQuery<Ranked>($"""
            SELECT Kind, Slug, Rank FROM (
                SELECT EntityType AS Kind, Slug, bm25(SearchIndex, 0, 0, 0, 10.0, 4.0, 1.0) AS Rank, rowid AS RowId
                FROM SearchIndex WHERE SearchIndex MATCH '"data"*' ORDER BY rowid LIMIT 10)
            ORDER BY Rank, RowId
            """).ToListAsync(Ct);

        var page2 = await SearchIndex.SearchAsync(db, scores, terms, 5, 5, 1000, Ct);
        var capped = await SearchIndex.SearchAsync(db, scores, terms, 0, 20, 10, Ct);

        Assert.Equal(firstTen.Skip(5), page2.Hits.Select(h => new Ranked(h.Kind, h.Slug, h.Rank)));
        Assert.Equal(11, capped.Matched);
        Assert.True(capped.MoreThanRanked);
        Assert.Equal(firstTenJoined, capped.Hits.Select(h => new Ranked(h.Kind, h.Slug, h.Rank)));
    }

    [Fact]
    public async Task Word_WithMoreScoresThanAreNumbered_KeepsEachMatchsOwn()
    {
        await using var db = app.CreateDbContext();
        var expected = await RankedByFts5Async(db, "\"data\"*");

        var numbered = await SearchTermScores.Matches.ReadAsync(db, "data", Ct);
        var own = await SearchTermScores.Matches.ReadAsync(db, "data", Ct, mostValues: 3);

        Assert.True(expected.Select(e => e.Rank).Distinct().Count() > 3);
        Assert.Equal(expected.Count, own.RowIds.Length);
        Assert.Equal(numbered.RowIds, own.RowIds);
        Assert.Equal(
            Enumerable.Range(0, numbered.RowIds.Length).Select(numbered.Score),
            Enumerable.Range(0, own.RowIds.Length).Select(own.Score));
    }

    [Fact]
    public async Task Word_WhoseMatchesShareScores_KeepsEachScoreOnce()
    {
        // The same name, summary and description: the same length, and the word once in the title: the same score.
        for (var i = 1; i <= 10; i++)
        {
            await app.CreateToolAsync("Heronword tool");
        }

        await using var read = app.CreateDbContext();
        var matches = await SearchTermScores.Matches.ReadAsync(read, "heronword", Ct);

        Assert.Equal(10, matches.RowIds.Length);
        Assert.Single(Enumerable.Range(0, 10).Select(matches.Score).Distinct());
        // 10 rowids (4 bytes each), one score (8) and 10 numbers of it (2 each), where each its own score would take 120.
        Assert.Equal(68, matches.Bytes);
    }

    /// <summary>Opens connections a third of a second late, so that reads overlap however fast the machine.</summary>
    private sealed class SlowToOpen : DbConnectionInterceptor
    {
        public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default) =>
            Task.Delay(300, cancellationToken);
    }

    [Fact]
    public async Task Word_AskedForByManyAtOnce_IsReadOnceForThemAll()
    {
        var options = new DbContextOptionsBuilder<CatalogueDbContext>(app.Services.GetRequiredService<DbContextOptions<CatalogueDbContext>>())
            .AddInterceptors(new SlowToOpen())
            .Options;
        var words = new SearchTermScores.Words();

        var asked = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            await using var db = new CatalogueDbContext(options);
            return await words.GetAsync(db, "data", Ct);
        }));

        // One read, shared: every asker holds the same matches.
        Assert.All(asked, matches => Assert.Same(asked[0], matches));
    }

    private static List<string> Hrefs(IHtmlDocument doc) =>
        doc.QuerySelectorAll(".app-search-hit h3 a").Select(a => a.GetAttribute("href")!).ToList();

    [Fact]
    public async Task Search_AfterAToolChangesInThisApp_FindsItsNewWords()
    {
        Assert.Empty(Hrefs(await app.GetDocumentAsync("/search?q=kestrelword")));

        await using (var db = app.CreateDbContext())
        {
            var tool = await db.Tools.SingleAsync(t => t.Slug == "ckan", Ct);
            tool.Summary += " Kestrelword.";
            await db.SaveChangesAsync(Ct);
        }

        Assert.Equal(["/tools/ckan"], Hrefs(await app.GetDocumentAsync("/search?q=kestrelword")));
    }

    [Fact]
    public async Task Search_AfterAnotherProcessChangesATool_FindsItByItsAuditEntry()
    {
        Assert.Empty(Hrefs(await app.GetDocumentAsync("/search?q=marmotword")));

        await app.AppendToToolSummaryFromAnotherProcessAsync("data-ethics-canvas", "Marmotword.");

        // Another address than the first, which the page cache still holds: nothing here evicted it.
        Assert.Equal(["/tools/data-ethics-canvas"], Hrefs(await app.GetDocumentAsync("/search?q=marmotword+canvas")));
    }
}
