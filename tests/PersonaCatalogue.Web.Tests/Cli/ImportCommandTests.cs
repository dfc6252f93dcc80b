using Microsoft.Data.Sqlite;
using PersonaCatalogue.Web.Tests.Infrastructure;

namespace PersonaCatalogue.Web.Tests.Cli;

/// <summary>The admin command line, run as a real process the way the README shows.</summary>
public class ImportCommandTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "persona-catalogue-cli", Guid.NewGuid().ToString("N"));

    private string DatabasePath => Path.Combine(_folder, "catalogue.db");

    private Task<CommandLineResult> RunAsync(params string[] args) =>
        CommandLineProcess.RunAsync(DatabasePath, args);

    [Fact]
    public async Task Help_ListsEveryCommand_AndTouchesNoDatabase()
    {
        var result = await RunAsync("--help");

        Assert.True(result.ExitCode == 0, result.Error);
        foreach (var command in new[] { "import", "backup", "export", "import-all", "staff", "generate-catalogue" })
        {
            Assert.Matches($@"(?m)^\s+{command}\b", result.Output);
        }

        Assert.False(File.Exists(DatabasePath), "--help created the database");
        var staffHelp = await RunAsync("staff", "--help");
        Assert.Matches(@"(?m)^\s+add <email>", staffHelp.Output);
        Assert.Matches(@"(?m)^\s+reset <email>", staffHelp.Output);
        Assert.False(File.Exists(DatabasePath), "staff --help created the database");
    }

    [Fact]
    public async Task UnknownCommandOrMissingArgument_FailsWithUsage_AndTouchesNoDatabase()
    {
        var unknown = await RunAsync("frobnicate");
        var missing = await RunAsync("backup");

        Assert.NotEqual(0, unknown.ExitCode);
        Assert.Contains("frobnicate", unknown.Error);
        Assert.NotEqual(0, missing.ExitCode);
        Assert.Contains("Required argument 'file' missing", missing.Error);
        Assert.False(File.Exists(DatabasePath));
    }

    [Fact]
    public async Task Import_TwiceIntoANewDatabase_AddsEverythingThenNothing()
    {
        var first = await RunAsync("import", TestPaths.SeedData);
        var second = await RunAsync("import", TestPaths.SeedData);

        Assert.True(first.ExitCode == 0, first.Error);
        Assert.Contains("added    persona sara", first.Output);
        Assert.Contains("added    tool csvlint", first.Output);
        Assert.Matches(@"Import finished: \d+ added, 0 changed, 0 skipped\.", first.Output);
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("Import finished: 0 added, 0 changed, 0 skipped.", second.Output);
        Assert.Contains("Importing the tools", first.Error);
    }

    [Fact]
    public async Task Import_BrokenFile_FailsNamingFileLineAndField_AndWritesNothing()
    {
        var seed = TestPaths.CopyOfSeedData();
        var file = Path.Combine(seed, "tools", "csvlint.md");
        File.WriteAllText(file, File.ReadAllText(file).Replace("\ncost: free\n", "\ncost: priceless\n"));
        var line = Array.FindIndex(File.ReadAllLines(file), l => l.StartsWith("cost:")) + 1;

        var result = await RunAsync("import", seed);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"tools/csvlint.md, line {line}, field 'cost'", result.Error);
        await using var connection = new SqliteConnection($"Data Source={DatabasePath}");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM Tools";
        Assert.Equal(0L, await command.ExecuteScalarAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Backup_WritesAConsistentCopy()
    {
        Assert.Equal(0, (await RunAsync("import", TestPaths.SeedData)).ExitCode);
        var backup = Path.Combine(_folder, "backup.db");

        var result = await RunAsync("backup", backup);

        Assert.True(result.ExitCode == 0, result.Error);
        await using var connection = new SqliteConnection($"Data Source={backup};Mode=ReadOnly");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM Personas";
        Assert.Equal(5L, await command.ExecuteScalarAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task StaffAdd_CreatesTheAccountWithItsRoleAndPrintsAPassword()
    {
        var result = await RunAsync("staff", "add", "new.moderator@example.org", "--role", "Moderator");

        Assert.True(result.ExitCode == 0, result.Error);
        var password = System.Text.RegularExpressions.Regex.Match(result.Output, "One-time password: (\\S+)").Groups[1].Value;
        Assert.True(password.Length >= 12);
        await using var connection = new SqliteConnection($"Data Source={DatabasePath}");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT r.Name FROM AspNetUsers u JOIN AspNetUserRoles ur ON ur.UserId = u.Id JOIN AspNetRoles r ON r.Id = ur.RoleId WHERE u.Email = 'new.moderator@example.org'";
        Assert.Equal("Moderator", await command.ExecuteScalarAsync(TestContext.Current.CancellationToken));

        var again = await RunAsync("staff", "add", "new.moderator@example.org", "--role", "Moderator");
        var badRole = await RunAsync("staff", "add", "other@example.org", "--role", "Owner");
        Assert.Equal(1, again.ExitCode);
        Assert.Equal(1, badRole.ExitCode);
        // Refused by the command line's --role option, naming the roles there are.
        Assert.Contains("must be one of", badRole.Error, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Owner", badRole.Error);
        Assert.Contains("Moderator", badRole.Error);
        Assert.Contains("Administrator", badRole.Error);
    }

    [Fact]
    public async Task StaffReset_GivesANewPasswordInPlaceOfTheOld_AndRefusesAnUnknownEmail()
    {
        var added = await RunAsync("staff", "add", "reset.me@example.org", "--role", "Moderator");
        var oldHash = await PasswordHashAsync("reset.me@example.org");

        var reset = await RunAsync("staff", "reset", "reset.me@example.org");
        var unknown = await RunAsync("staff", "reset", "nobody@example.org");

        Assert.True(added.ExitCode == 0 && reset.ExitCode == 0, added.Error + reset.Error);
        var password = System.Text.RegularExpressions.Regex.Match(reset.Output, "One-time password: (\\S+)").Groups[1].Value;
        Assert.True(password.Length >= 12, reset.Output);
        Assert.DoesNotContain(password, added.Output);
        Assert.NotEqual(oldHash, await PasswordHashAsync("reset.me@example.org"));
        await using (var connection = new SqliteConnection($"Data Source={DatabasePath}"))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT UserEmail FROM AuditEvents WHERE Action = 'staff.password-reset' AND TargetKey = 'reset.me@example.org'";
            Assert.Equal("system", await command.ExecuteScalarAsync(TestContext.Current.CancellationToken));
        }

        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("no staff account with the email address nobody@example.org", unknown.Error);
    }

    private async Task<string?> PasswordHashAsync(string email)
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath}");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT PasswordHash FROM AspNetUsers WHERE Email = $email";
        command.Parameters.AddWithValue("$email", email);
        return (string?)await command.ExecuteScalarAsync(TestContext.Current.CancellationToken);
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
