using System.Runtime.Versioning;
using PersonaCatalogue.Web.Tests.Infrastructure;

namespace PersonaCatalogue.Web.Tests.Cli.Transfer;

/// <summary>Exports and backups hold every email address (and optionally password hashes and keys): only their owner may read them.</summary>
public class PrivateFilesTests : IDisposable
{
    private const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "persona-catalogue-cli", Guid.NewGuid().ToString("N"));

    private string DatabasePath => Path.Combine(_folder, "catalogue.db");

    private Task<CommandLineResult> RunAsync(params string[] args) => CommandLineProcess.RunAsync(DatabasePath, args);

    [Theory]
    [InlineData("backup", "backup.db")]
    [InlineData("export", "export.json")]
    [InlineData("export", "secrets.json", "--include-password-hashes", "--include-data-protection-keys")]
    [UnsupportedOSPlatform("windows")]
    public async Task Command_WritesAFileOnlyItsOwnerCanRead(string command, string file, params string[] options)
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Unix file modes");
        Assert.Equal(0, (await RunAsync("import", TestPaths.SeedData)).ExitCode);
        var path = Path.Combine(_folder, file);

        var result = await RunAsync([command, path, .. options]);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal(OwnerReadWrite, File.GetUnixFileMode(path));
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }

        GC.SuppressFinalize(this);
    }
}
