using System.CommandLine;
using PersonaCatalogue.Core.Transfer;

namespace PersonaCatalogue.Cli.Commands;

public static class ExportCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "The JSON file to write" };
        var passwordHashes = new Option<bool>("--include-password-hashes") { Description = "Include staff password hashes (otherwise reset each password after import-all)" };
        var keys = new Option<bool>("--include-data-protection-keys") { Description = "Include the keys that sign cookies (otherwise everyone signs in again on the new site)" };
        var command = new Command("export", "Write the whole database as one JSON file, to move the site to another database.")
        {
            file, passwordHashes, keys,
        };
        command.SetCatalogueAction("Export", async (parsed, host, cancellationToken) =>
        {
            var db = host.Db;
            var exportFile = parsed.GetValue(file)!.FullName;
            var options = new ExportOptions(parsed.GetValue(passwordHashes), parsed.GetValue(keys));
            Console.WriteLine($"Exporting the {db.Database.ProviderName} database to {exportFile}");
            var exported = await DatabaseExport.WriteAsync(db, exportFile, options, Console.Out, cancellationToken);
            Console.WriteLine($"Exported {exported} rows to {exportFile}.");
            Console.WriteLine(options.IncludePasswordHashes
                ? "Staff password hashes are included."
                : $"Staff accounts are exported WITHOUT password hashes ({passwordHashes.Name} includes them): after import-all, give each person a new password with 'staff reset <email>'.");
            Console.WriteLine(options.IncludeDataProtectionKeys
                ? "Data Protection keys are included: whoever holds this file can forge a staff cookie for the new site."
                : $"Data Protection keys are left out ({keys.Name} includes them): on the new site everyone signs in again.");
            Console.WriteLine("The file holds personal data (email addresses of staff, suggesters and feedback givers): keep it safe and delete it after the move.");
            return CommandRunner.Succeeded;
        });
        return command;
    }
}
