using System.CommandLine;
using PersonaCatalogue.Core.Import;
using PersonaCatalogue.Core.Transfer;

namespace PersonaCatalogue.Cli;

/// <summary>
/// How every command runs: open the catalogue, do the work, and turn the failures a person can fix (a bad seed file,
/// a bad export file, a missing folder) into one clear line on standard error and exit code 1. Anything else is a bug
/// and keeps its stack trace.
/// </summary>
public static class CommandRunner
{
    public const int Succeeded = 0;
    public const int Failed = 1;

    public static void SetCatalogueAction(this Command command, string failureLabel, Func<ParseResult, CatalogueHost, CancellationToken, Task<int>> action) =>
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            try
            {
                await using var host = await CatalogueHost.OpenAsync(cancellationToken);
                return await action(parseResult, host, cancellationToken);
            }
            catch (Exception ex) when (ex is SeedDataException or TransferException or DirectoryNotFoundException)
            {
                Console.Error.WriteLine($"{failureLabel} failed: {ex.Message}");
                return Failed;
            }
        });

    public static int Fail(string message)
    {
        Console.Error.WriteLine(message);
        return Failed;
    }
}

/// <summary>
/// Progress of long work on standard error, so standard output stays the command's result: one line rewritten in place
/// on a terminal, a line every tenth of the way when the output goes to a file or another program.
/// </summary>
public sealed class ConsoleProgress(int total, string noun) : IProgress<int>
{
    private readonly System.Diagnostics.Stopwatch _stopwatch = System.Diagnostics.Stopwatch.StartNew();
    private int _lastTenth = -1;

    public void Report(int value)
    {
        var line = $"{value:N0} of {total:N0} {noun} ({100.0 * value / total:0}%), {_stopwatch.Elapsed.TotalSeconds:0} s";
        if (!Console.IsErrorRedirected)
        {
            Console.Error.Write($"\r{line}   ");
            if (value >= total)
            {
                Console.Error.WriteLine();
            }

            return;
        }

        var tenth = (int)(10L * value / total);
        if (tenth != _lastTenth)
        {
            _lastTenth = tenth;
            Console.Error.WriteLine(line);
        }
    }
}

/// <summary>Steps of long work, one line each on standard error.</summary>
public sealed class StepProgress : IProgress<string>
{
    public void Report(string value) => Console.Error.WriteLine(value);
}
