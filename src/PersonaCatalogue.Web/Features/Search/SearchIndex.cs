using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using PersonaCatalogue.Web.Data;

namespace PersonaCatalogue.Web.Features.Search;

/// <summary>
/// The one seam for full-text search (SQLite FTS5), used by the site search and the tools list.
/// The index is the <c>SearchIndex</c> virtual table, kept in step with tools, personas and skills by
/// triggers (see the AddSearchIndex migration), so every write path updates it without extra code.
/// Rowids encode the entity: id * 4 + kind, so a trigger finds its row without a scan.
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

    /// <summary>
    /// Turns what someone typed into a safe FTS5 query: each word becomes a quoted prefix term, all of which must match.
    /// Operators and punctuation are dropped, so no input can be a syntax error. Null when there is nothing to search for.
    /// </summary>
    public static string? ToMatchQuery(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var terms = Words().Matches(text).Select(m => m.Value).Take(MaxTerms).ToList();
        return terms.Count == 0 ? null : string.Join(' ', terms.Select(t => $"\"{t}\"*"));
    }

    /// <summary>
    /// Ids of published tools matching the query, for composing into the tools list query. Worked out from the rowid
    /// (tool id * 4) rather than the EntityId and EntityType columns: the rowid comes with the match itself, while
    /// each column read is a lookup in the index's content table, which made this 10 times slower at 10,000 tools.
    /// </summary>
    public static IQueryable<int> ToolIds(CatalogueDbContext db, string matchQuery) =>
        db.Database.SqlQuery<int>($"SELECT rowid / 4 AS Value FROM SearchIndex WHERE SearchIndex MATCH {matchQuery} AND rowid % 4 = 0");

    public static Task<List<SearchHit>> SearchAsync(CatalogueDbContext db, string matchQuery, int limit, CancellationToken cancellationToken) =>
        db.Database.SqlQuery<SearchHit>($"""
            SELECT EntityType AS Kind, Slug, Title,
                   snippet(SearchIndex, -1, char(2), char(3), '…', 20) AS Snippet,
                   bm25(SearchIndex, 0, 0, 0, 10.0, 4.0, 1.0) AS Rank
            FROM SearchIndex
            WHERE SearchIndex MATCH {matchQuery}
            ORDER BY Rank
            LIMIT {limit}
            """).ToListAsync(cancellationToken);

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Words();
}

public record SearchHit(string Kind, string Slug, string Title, string Snippet, double Rank);
