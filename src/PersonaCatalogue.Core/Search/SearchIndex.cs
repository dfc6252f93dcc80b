using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using PersonaCatalogue.Core.Data;
using PersonaCatalogue.Core.Data.Entities;

namespace PersonaCatalogue.Core.Search;

/// <summary>
/// The one seam for full-text search, used by the site search and the tools list. Both databases keep a
/// <c>SearchIndex</c> of tools, personas and skills in step by triggers, so every write path updates it without
/// extra code: on SQLite an FTS5 virtual table (the AddSearchIndex migration; rowid = id * 4 + kind, so a trigger
/// finds its row without a scan), on PostgreSQL a table with a weighted <c>tsvector</c> under a GIN index
/// (<c>Data/Migrations/PostgreSQL/PostgresSearchIndex.cs</c>). Either way every word typed must match as a prefix,
/// and hits are ranked title first, then summary, then body.
/// </summary>
public static partial class SearchIndex
{
    public const string Tool = "tool";
    public const string Persona = "persona";
    public const string Skill = "skill";

    /// <summary>Marks around a matched term in a snippet; never valid in user text, so they can be swapped for HTML safely.</summary>
    public const char MatchStart = '\u0002';
    public const char MatchEnd = '\u0003';

    private const int MaxTerms = 12;

    /// <summary>About as long as FTS5's 20-token snippet, with the same match marks.</summary>
    private static readonly string _headlineOptions = $"StartSel={MatchStart}, StopSel={MatchEnd}, MaxWords=20, MinWords=10, ShortWord=2";

    /// <summary>
    /// The words in what someone typed (letters and digits only, at most 12), each of which must match as a prefix.
    /// Operators and punctuation are dropped, so no input can be a syntax error in either database's query language.
    /// Null when there is nothing to search for.
    /// </summary>
    public static IReadOnlyList<string>? Terms(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var terms = Words().Matches(text).Select(m => m.Value).Take(MaxTerms).ToList();
        return terms.Count == 0 ? null : terms;
    }

    /// <summary>
    /// Ids of published tools matching the terms, for composing into the tools list query. On SQLite worked out from
    /// the rowid (tool id * 4) rather than the EntityId and EntityType columns: the rowid comes with the match itself,
    /// while each column read is a lookup in the index's content table, which made this 10 times slower at 10,000 tools.
    /// </summary>
    public static IQueryable<int> ToolIds(CatalogueDbContext db, IReadOnlyList<string> terms)
    {
        if (db.Database.IsNpgsql())
        {
            return db.Database.SqlQuery<int>($"""
                SELECT "EntityId" AS "Value" FROM "SearchIndex"
                WHERE "EntityType" = 'tool' AND "Document" @@ to_tsquery('catalogue_search', {TsQuery(terms)})
                """);
        }

        var query = Fts5Query(terms);
        return db.Set<SearchToolMatch>().Where(m => m.Query == query).Select(m => m.ToolId);
    }

    /// <summary>
    /// How many published tools match the terms, counted in the index alone (it holds only published tools), without
    /// reading a single tool: for a word in nearly every tool this is several times quicker than joining each match back.
    /// </summary>
    public static Task<int> CountToolsAsync(CatalogueDbContext db, IReadOnlyList<string> terms, CancellationToken cancellationToken)
    {
        if (db.Database.IsNpgsql())
        {
            return db.Database.SqlQuery<int>($"""
                SELECT count(*)::int AS "Value" FROM "SearchIndex"
                WHERE "EntityType" = 'tool' AND "Document" @@ to_tsquery('catalogue_search', {TsQuery(terms)})
                """).SingleAsync(cancellationToken);
        }

        var query = Fts5Query(terms);
        return db.Set<SearchToolMatch>().CountAsync(m => m.Query == query, cancellationToken);
    }

    /// <summary>
    /// The tools, to be walked in name order by SQLite (through the index on status and name) when a search is listed by
    /// name: each tool is checked against the search's matches until the page is full, which for a common word stops
    /// after a few dozen tools, where sorting every match by name read and sorted them all (three times slower at
    /// 10,000 tools, most matching). PostgreSQL plans this itself.
    /// </summary>
    public static IQueryable<Tool> ToolsInNameOrder(CatalogueDbContext db) =>
        db.Database.IsNpgsql() ? db.Tools : db.Tools.FromSql($"SELECT * FROM Tools INDEXED BY IX_Tools_Status_Name");

    /// <summary>
    /// One page of hits, best first (the lowest <see cref="SearchHit.Rank"/>, then the earliest entry), ranked among the
    /// first <paramref name="mostRanked"/> matches in the order entries joined the index (by id: the seed catalogue's
    /// personas, skills and tools first), each with a snippet around what matched, and how many matched, counted up to
    /// one more than <paramref name="mostRanked"/>. Ranking in SQL reads every ranked match's text or word counts: for a
    /// word in every one of 100,000 tools ("data") ranking them all took 80 ms on SQLite, so a search that common ranks
    /// the first <paramref name="mostRanked"/> and says so (<see cref="SearchMatches.MoreThanRanked"/>), on both
    /// databases alike. Snippets are made for the rows shown only.
    /// <para>
    /// SQLite ranks in memory, from each word's bm25 scores (<see cref="SearchTermScores"/>), and asks the index only
    /// for the page's rows and snippets. PostgreSQL ranks with ts_rank, cut to the page in a subquery, and runs
    /// ts_headline (which reads and parses each row's text) on those.
    /// </para>
    /// </summary>
    public static async Task<SearchMatches> SearchAsync(
        CatalogueDbContext db, SearchTermScores scores, IReadOnlyList<string> terms, int skip, int take, int mostRanked,
        CancellationToken cancellationToken)
    {
        if (db.Database.IsNpgsql())
        {
            // The same first matches as SQLite's rowid order (id * 4, plus 1 for a persona and 2 for a skill).
            var tsQuery = TsQuery(terms);
            var matched = await db.Database.SqlQuery<int>($"""
                SELECT count(*)::int AS "Value" FROM (
                    SELECT 1 FROM "SearchIndex" WHERE "Document" @@ to_tsquery('catalogue_search', {tsQuery}) LIMIT {mostRanked + 1}) AS m
                """).SingleAsync(cancellationToken);
            var ranked = await db.Database.SqlQuery<SearchHit>($"""
                SELECT s."EntityType" AS "Kind", s."Slug", s."Title",
                       ts_headline('catalogue_search', s."Title" || ' ' || s."Summary" || ' ' || s."Body", s.q, {_headlineOptions}) AS "Snippet",
                       s."Rank"
                FROM (
                    SELECT f.*, -ts_rank(f."Document", f.q)::float8 AS "Rank"
                    FROM (
                        SELECT i."EntityType", i."Slug", i."Title", i."Summary", i."Body", i."Document", q, i."EntityId" * 4 + CASE i."EntityType" WHEN 'tool' THEN 0 WHEN 'persona' THEN 1 ELSE 2 END AS "Order"
                        FROM "SearchIndex" AS i, to_tsquery('catalogue_search', {tsQuery}) AS q
                        WHERE i."Document" @@ q
                        ORDER BY "Order"
                        LIMIT {mostRanked}) AS f
                    ORDER BY "Rank", f."Order"
                    LIMIT {take} OFFSET {skip}) AS s
                ORDER BY s."Rank", s."Order"
                """).ToListAsync(cancellationToken);
            return new SearchMatches(ranked, matched, mostRanked);
        }

        var words = await scores.GetAsync(db, cancellationToken);
        var wordMatches = new List<SearchTermScores.Matches>(terms.Count);
        foreach (var term in terms)
        {
            wordMatches.Add(await words.GetAsync(db, term, cancellationToken));
        }

        var (first, count) = SearchTermScores.Intersect(wordMatches, mostRanked, mostRanked + 1);
        first.Sort((a, b) => a.Score != b.Score ? a.Score.CompareTo(b.Score) : a.RowId.CompareTo(b.RowId));
        var page = first.Skip(skip).Take(take).ToList();
        if (page.Count == 0)
        {
            return new SearchMatches([], count, mostRanked);
        }

        // The page's rows, with their snippets: FTS5 walks the matches in rowid order up to the page's last (the walk
        // from the start is quick; seeking a prefix word's matches to each rowid was not, about 1.5 ms a row at 10,000
        // tools), and the "+" keeps the list of rowids a check on each row rather than a seek.
        var rowIds = string.Join(',', page.Select(p => p.RowId));
        var rows = await db.Database.SqlQuery<PageRow>($"""
            SELECT rowid AS RowId, EntityType AS Kind, Slug, Title, snippet(SearchIndex, -1, char(2), char(3), '…', 20) AS Snippet
            FROM SearchIndex
            WHERE SearchIndex MATCH {Fts5Query(terms)} AND rowid <= {page.Max(p => p.RowId)}
              AND +rowid IN (SELECT value FROM json_each({$"[{rowIds}]"}))
            """).ToDictionaryAsync(r => r.RowId, cancellationToken);
        // A row changed since its word was read (another instance's change, not yet heard of) is left out of this page.
        var hits = new List<SearchHit>(page.Count);
        foreach (var (rowId, score) in page)
        {
            if (rows.TryGetValue(rowId, out var row))
            {
                hits.Add(new SearchHit(row.Kind, row.Slug, row.Title, row.Snippet, score));
            }
        }

        return new SearchMatches(hits, count, mostRanked);
    }

    private sealed record PageRow(long RowId, string Kind, string Slug, string Title, string Snippet);

    /// <summary>How SQLite's site search ranks: bm25 with the title weighing 10, the summary 4 and the body 1.</summary>
    internal const string Bm25 = "bm25(SearchIndex, 0, 0, 0, 10.0, 4.0, 1.0)";

    /// <summary>FTS5: each term quoted (so it is never an operator) with a prefix star; space means AND.</summary>
    internal static string Fts5Query(IReadOnlyList<string> terms) => string.Join(' ', terms.Select(t => $"\"{t}\"*"));

    /// <summary>PostgreSQL: each term quoted as a lexeme with the prefix mark :*, joined by AND.</summary>
    private static string TsQuery(IReadOnlyList<string> terms) => string.Join(" & ", terms.Select(t => $"'{t}':*"));

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Words();
}

public record SearchHit(string Kind, string Slug, string Title, string Snippet, double Rank);

/// <summary>The hits shown, and how many entries matched, counted up to one more than were ranked.</summary>
public record SearchMatches(List<SearchHit> Hits, int Matched, int MostRanked)
{
    public static SearchMatches None { get; } = new([], 0, 0);

    /// <summary>More entries matched than were ranked: the hits are the best of the first <see cref="MostRanked"/>.</summary>
    public bool MoreThanRanked => Matched > MostRanked;

    /// <summary>How many hits can be paged through: every match, or the ranked ones when more matched.</summary>
    public int Ranked => Math.Min(Matched, MostRanked);
}
