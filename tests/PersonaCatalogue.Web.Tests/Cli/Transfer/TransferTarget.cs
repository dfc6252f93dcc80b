using Microsoft.Data.Sqlite;
using PersonaCatalogue.Web.Tests.Infrastructure;

namespace PersonaCatalogue.Web.Tests.Cli.Transfer;

/// <summary>
/// A new, empty database that <c>import-all</c> loads into, of one provider. The round-trip tests take it as a type
/// parameter, so another provider is one more subclass (its settings, its row counts) and one more test class.
/// </summary>
public abstract class TransferTarget : IAsyncDisposable
{
    /// <summary>Configuration that points the app at this database: environment variables for the command line, host settings for a test site.</summary>
    public abstract IReadOnlyDictionary<string, string> Settings { get; }

    /// <summary>Why this database cannot be had here, so the tests skip; null when it can (or under CI=true, where they must run).</summary>
    public virtual string? SkipReason => null;

    /// <summary>Whether site search ranks and words its snippets as the SQLite source site does (true for SQLite).</summary>
    public virtual bool SearchesAsTheSource => true;

    /// <summary>Rows per table, counted with the provider's own SQL rather than through the app's model.</summary>
    public abstract Task<Dictionary<string, long>> CountRowsAsync();

    /// <summary>A site on this database, for comparing pages; it must not seed, and does not, because the database is no longer empty.</summary>
    public CatalogueAppFactory CreateSite() => new SiteOnDatabase(Settings);

    public abstract ValueTask DisposeAsync();

    private sealed class SiteOnDatabase(IReadOnlyDictionary<string, string> settings) : CatalogueAppFactory
    {
        protected override IDictionary<string, string?> Settings => settings.ToDictionary(s => s.Key, s => (string?)s.Value);
    }
}

/// <summary>A SQLite file of its own in the temp folder.</summary>
public sealed class SqliteTransferTarget : TransferTarget
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "persona-catalogue-transfer", Guid.NewGuid().ToString("N"));

    public string DatabasePath => Path.Combine(_folder, "catalogue.db");

    public override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["Database:Path"] = DatabasePath };

    public override Task<Dictionary<string, long>> CountRowsAsync() => CountSqliteRowsAsync(DatabasePath);

    /// <summary>
    /// Every table in the file, the search index included (its row count shows the triggers indexed what arrived);
    /// FTS5's own storage tables are left out, as their layout depends on the history of writes, not on the content.
    /// </summary>
    public static async Task<Dictionary<string, long>> CountSqliteRowsAsync(string databasePath)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync(cancellationToken);
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name NOT LIKE 'SearchIndex\\_%' ESCAPE '\\'";
            await using var reader = await list.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                tables.Add(reader.GetString(0));
            }
        }

        var counts = new Dictionary<string, long>();
        foreach (var table in tables)
        {
            await using var count = connection.CreateCommand();
            count.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
            counts[table] = (long)(await count.ExecuteScalarAsync(cancellationToken))!;
        }

        return counts;
    }

    public override ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // Nothing was ever written.
        }
        catch (IOException)
        {
            // Left for the OS to clean from the temp folder.
        }

        return ValueTask.CompletedTask;
    }
}
