using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PersonaCatalogue.Core.Data.Entities;

namespace PersonaCatalogue.Core.Data.Configurations;

public class SearchToolMatchConfiguration : IEntityTypeConfiguration<SearchToolMatch>
{
    /// <summary>
    /// The search index's tool rows (rowid = tool id × 4) as a query rather than raw SQL with the search as a
    /// parameter: EF Core cannot cache the SQL of a query holding parameterised raw SQL, and rebuilt the tools list's
    /// SQL on every request. SQLite folds this into the outer query, so "Query = @search" reaches FTS5 as its MATCH
    /// (EXPLAIN QUERY PLAN: "SCAN SearchIndex VIRTUAL TABLE INDEX 0:M...").
    /// </summary>
    public void Configure(EntityTypeBuilder<SearchToolMatch> builder) => builder
        .HasNoKey()
        .ToSqlQuery("SELECT rowid / 4 AS ToolId, SearchIndex AS Query FROM SearchIndex WHERE rowid % 4 = 0");
}
