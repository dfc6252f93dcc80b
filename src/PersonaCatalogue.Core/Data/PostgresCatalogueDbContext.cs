using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using PersonaCatalogue.Core.Data.Entities;

namespace PersonaCatalogue.Core.Data;

/// <summary>
/// The catalogue on PostgreSQL: the same model as <see cref="CatalogueDbContext"/>, with the few things SQLite
/// expresses differently, and its own migrations in <c>Data/Migrations/PostgreSQL</c>. It is registered as
/// <see cref="CatalogueDbContext"/>, so nothing else in the app knows which database it talks to.
/// See docs/decisions/0005-two-database-providers.md.
/// </summary>
public class PostgresCatalogueDbContext(DbContextOptions<PostgresCatalogueDbContext> options) : CatalogueDbContext(options)
{
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);

        // A view of SQLite's FTS5 index; PostgreSQL searches its tsvector column instead (SearchIndex.ToolIds).
        modelBuilder.Ignore<SearchToolMatch>();

        // SQLite sorts and compares tool names with NOCASE; citext does the same here, LIKE included.
        modelBuilder.HasPostgresExtension("citext");
        modelBuilder.Entity<Tool>().Property(t => t.Name).UseCollation(null).HasColumnType("citext");

        // PostgreSQL booleans are not numbers, so the SQLite constraints' "= 0" and "= 1" cannot be used.
        modelBuilder.Entity<FeedbackItem>().ToTable("Feedback", table =>
        {
            table.HasCheckConstraint("CK_Feedback_PublishedNeedsConsent", "NOT \"CommentPublished\" OR \"ConsentToPublish\"");
            table.HasCheckConstraint("CK_Feedback_OnlyPersonaCommentsPublished", "NOT \"CommentPublished\" OR \"Kind\" = 'Persona'");
        });
    }
}

/// <summary>
/// Lets <c>dotnet ef migrations add --context PostgresCatalogueDbContext</c> build the model without a server;
/// the connection string is used only by commands that connect (<c>database update</c>).
/// </summary>
public class PostgresCatalogueDbContextFactory : IDesignTimeDbContextFactory<PostgresCatalogueDbContext>
{
    public PostgresCatalogueDbContext CreateDbContext(string[] args)
    {
        var connectionString = Environment.GetEnvironmentVariable("ConnectionStrings__" + DatabaseSetup.ConnectionStringName)
            ?? "Host=localhost;Database=persona_catalogue;Username=postgres";
        var options = new DbContextOptionsBuilder<PostgresCatalogueDbContext>();
        PostgresCatalogueDbContext.Configure(options, connectionString);
        return new PostgresCatalogueDbContext(options.Options);
    }
}
