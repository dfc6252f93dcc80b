using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using PersonaCatalogue.Core.Data.Entities;
using PersonaCatalogue.Core.Generate;
using PersonaCatalogue.Core.Import;

namespace PersonaCatalogue.Cli.Commands;

public static class GenerateCatalogueCommand
{
    public static Command Create()
    {
        var tools = new Option<int>("--tools") { Description = "How many tools to generate", Required = true };
        tools.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() <= 0)
            {
                result.AddError("--tools must be a whole number above 0.");
            }
        });
        var seed = new Option<int>("--seed") { Description = "The random seed (the same seed gives the same catalogue)", DefaultValueFactory = _ => 1 };
        var command = new Command("generate-catalogue", "Fill a new benchmark database with generated tools (after importing seed-data when it is empty); refuses a database with suggestions or feedback.")
        {
            tools, seed,
        };
        command.SetCatalogueAction("Generating", async (parsed, host, cancellationToken) =>
        {
            var db = host.Db;
            Console.WriteLine($"Database {db.Database.GetDbConnection().DataSource}");
            var generator = host.Services.GetRequiredService<CatalogueGenerator>();
            if (await generator.RefusalAsync(cancellationToken) is { } refusal)
            {
                return CommandRunner.Fail(refusal);
            }

            if (!await db.Skills.AnyAsync(cancellationToken))
            {
                var folder = SeedDataFolder.Find(host.Configuration, host.Environment);
                Console.WriteLine($"The database is empty: importing {folder} first");
                var imported = await host.Services.GetRequiredService<SeedImporter>().ImportAsync(folder, cancellationToken: cancellationToken);
                Console.WriteLine($"Imported {imported.Added.Count} items from seed data.");
            }

            var count = parsed.GetValue(tools);
            var report = await generator.GenerateAsync(count, parsed.GetValue(seed), new ConsoleProgress(count, "tools stored"), cancellationToken);
            report.WriteTo(Console.Out);
            Console.WriteLine($"The catalogue now has {await db.Tools.CountAsync(t => t.Status == ToolStatus.Published, cancellationToken)} published tools.");
            return CommandRunner.Succeeded;
        });
        return command;
    }
}
