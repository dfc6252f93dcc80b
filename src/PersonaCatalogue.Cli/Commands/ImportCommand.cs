using System.CommandLine;
using PersonaCatalogue.Core.Import;

namespace PersonaCatalogue.Cli.Commands;

public static class ImportCommand
{
    public static Command Create()
    {
        var folder = new Argument<DirectoryInfo?>("folder")
        {
            Description = "The seed-data folder (default: SeedData:Path, else the nearest seed-data folder)",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var command = new Command("import", "Add and update the catalogue from a seed-data folder; never deletes. A running site notices within seconds.")
        {
            folder,
        };
        command.SetCatalogueAction("Import", async (parsed, host, cancellationToken) =>
        {
            var path = parsed.GetValue(folder)?.FullName ?? SeedDataFolder.Find(host.Configuration, host.Environment);
            Console.WriteLine($"Importing {path}");
            var report = await host.Services.GetRequiredService<SeedImporter>().ImportAsync(path, new StepProgress(), cancellationToken);
            report.WriteTo(Console.Out);
            return CommandRunner.Succeeded;
        });
        return command;
    }
}
