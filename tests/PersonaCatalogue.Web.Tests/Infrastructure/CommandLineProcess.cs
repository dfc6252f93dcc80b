using System.Diagnostics;

namespace PersonaCatalogue.Web.Tests.Infrastructure;

public record CommandLineResult(int ExitCode, string Output, string Error);

/// <summary>The admin command line run as a real process, the way the README shows.</summary>
public static class CommandLineProcess
{
    /// <summary>Against one SQLite file, run from its folder.</summary>
    public static Task<CommandLineResult> RunAsync(string databasePath, params string[] args) =>
        RunAsync(Path.GetDirectoryName(databasePath)!, [new("Database:Path", databasePath)], args);

    /// <param name="workingDirectory">Where the process runs (created if missing).</param>
    /// <param name="settings">Configuration keys such as <c>Database:Path</c>; they become <c>Database__Path</c> in the environment.</param>
    /// <param name="args">The command and its arguments.</param>
    public static async Task<CommandLineResult> RunAsync(string workingDirectory, IEnumerable<KeyValuePair<string, string>> settings, params string[] args)
    {
        Directory.CreateDirectory(workingDirectory);
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        start.ArgumentList.Add(typeof(PersonaCatalogue.Cli.Program).Assembly.Location);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__")] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return new CommandLineResult(process.ExitCode, await output, await error);
    }
}
