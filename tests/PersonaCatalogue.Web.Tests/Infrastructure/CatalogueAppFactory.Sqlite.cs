using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;

namespace PersonaCatalogue.Web.Tests.Infrastructure;

/// <summary>The SQLite side of the test app: a new file in a temporary folder per factory.</summary>
public partial class CatalogueAppFactory
{
    /// <summary>As <c>/health</c> names it.</summary>
    public const string ProviderName = "SQLite";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "persona-catalogue-tests", Guid.NewGuid().ToString("N"));

    /// <summary>Why the tests on this factory's database should skip: never, as a SQLite file can always be had.</summary>
    public string? SkipReason => null;

    public string DatabasePath => Path.Combine(_folder, "catalogue.db");

    /// <summary>The configuration that points another process (the command line) at this factory's database.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> DatabaseSettings => [new("Database:Path", DatabasePath)];

    private partial void UseTestDatabase(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(_folder);
        builder.UseSetting("Database:Path", DatabasePath);
    }

    private partial ValueTask DeleteTestDatabaseAsync()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a finishing request is left for the OS to clean from the temp folder.
        }

        return ValueTask.CompletedTask;
    }
}
