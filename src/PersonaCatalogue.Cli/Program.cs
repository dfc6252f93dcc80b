using System.CommandLine;
using PersonaCatalogue.Cli.Commands;

namespace PersonaCatalogue.Cli;

/// <summary>
/// The admin command line: <c>dotnet run --project src/PersonaCatalogue.Cli -- --help</c>. Each command is its own
/// file in Commands/; none opens the database until it runs, so <c>--help</c> touches nothing.
/// </summary>
public static class Program
{
    public static Task<int> Main(string[] args) => BuildRoot().Parse(args).InvokeAsync();

    public static RootCommand BuildRoot() => new("PersonaCatalogue: look after the catalogue's database from the command line. Reads the same settings as the site (its appsettings.json and environment variables such as Database__Path).")
    {
        ImportCommand.Create(),
        BackupCommand.Create(),
        ExportCommand.Create(),
        ImportAllCommand.Create(),
        StaffCommand.Create(),
        GenerateCatalogueCommand.Create(),
        PurgeCommand.Create(),
        EraseCommand.Create(),
    };
}
