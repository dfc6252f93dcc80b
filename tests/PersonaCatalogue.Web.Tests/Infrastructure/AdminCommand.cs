using System.Diagnostics;

namespace PersonaCatalogue.Web.Tests.Infrastructure;

/// <summary>Runs the web project's admin command line as a real process, the way the README shows, against a database file.</summary>
public static class AdminCommand
{
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(string databasePath, params string[] args)
    {
        var folder = Path.GetDirectoryName(databasePath)!;
        Directory.CreateDirectory(folder);
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = folder,
        };
        start.ArgumentList.Add(typeof(Program).Assembly.Location);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["Database__Path"] = databasePath;
        // The process runs in a temporary folder, so it would not find the repository's seed data by walking up.
        start.Environment["SeedData__Path"] = TestPaths.SeedData;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await output, await error);
    }
}
