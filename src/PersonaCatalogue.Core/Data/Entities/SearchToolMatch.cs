namespace PersonaCatalogue.Core.Data.Entities;

/// <summary>
/// A published tool in SQLite's full-text search index, for composing a search into LINQ: <see cref="Query"/> equal to
/// an FTS5 query is FTS5's MATCH (Data/Configurations/SearchToolMatchConfiguration.cs). Not on PostgreSQL, which
/// searches its own way (Search/SearchIndex.cs).
/// </summary>
public class SearchToolMatch
{
    public int ToolId { get; set; }

    /// <summary>Only to compare with: FTS5 reads "the table's own column = a query" as a search.</summary>
    public string Query { get; set; } = "";
}
