using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PersonaCatalogue.Web.Tests.Infrastructure;

namespace PersonaCatalogue.Web.Tests.Cli;

/// <summary><c>generate-catalogue</c>, run as a real process the way the README and bench/run use it.</summary>
public class GenerateCommandTests(CatalogueAppFactory app) : IClassFixture<CatalogueAppFactory>, IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "persona-catalogue-cli", Guid.NewGuid().ToString("N"));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GenerateCatalogue_NewDatabase_ImportsTheSeedThenAddsTheToolsAndSaysSo()
    {
        var database = Path.Combine(_folder, "bench.db");

        // Run from a temporary folder, the command would not find the repository's seed data by walking up.
        var result = await CommandLineProcess.RunAsync(
            _folder, [new("Database:Path", database), new("SeedData:Path", TestPaths.SeedData)], "generate-catalogue", "--tools", "120", "--seed", "3");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("The database is empty: importing", result.Output);
        Assert.Matches(@"Generated 120 tools with \d+ skill links and \d+ persona links", result.Output);
        // Progress goes to standard error, so standard output stays the result.
        Assert.Contains("120 of 120 tools stored (100%)", result.Error);
        await using var connection = new SqliteConnection($"Data Source={database}");
        await connection.OpenAsync(Ct);
        Assert.Equal(120L, await ScalarAsync(connection, "SELECT COUNT(*) FROM Tools WHERE Source = 'generated'"));
        Assert.Equal(5L, await ScalarAsync(connection, "SELECT COUNT(*) FROM Personas"));
        var seedTools = (long)(await ScalarAsync(connection, "SELECT COUNT(*) FROM Tools WHERE Source = 'seed-data'"))!;
        Assert.Contains($"The catalogue now has {120 + seedTools} published tools.", result.Output);
    }

    [Fact]
    public async Task GenerateCatalogue_DatabaseWithSuggestions_IsRefusedAndNothingIsAdded()
    {
        await app.CreateSuggestionAsync();
        await using var db = app.CreateDbContext();
        var before = await db.Tools.CountAsync(Ct);

        var result = await CommandLineProcess.RunAsync(app.DatabasePath, "generate-catalogue", "--tools", "10");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("holds tool suggestions or feedback", result.Error);
        Assert.Equal(before, await db.Tools.CountAsync(Ct));
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(Ct);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean from the temp folder.
        }

        GC.SuppressFinalize(this);
    }
}
