using System.CommandLine;
using PersonaCatalogue.Core.Transfer;

namespace PersonaCatalogue.Cli.Commands;

public static class ImportAllCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "A file written by export" };
        var command = new Command("import-all", "Load an export into a new, empty database (run it before the site first starts on that database).")
        {
            file,
        };
        command.SetCatalogueAction("Import", async (parsed, host, cancellationToken) =>
        {
            var db = host.Db;
            var importFile = parsed.GetValue(file)!.FullName;
            Console.WriteLine($"Importing {importFile} into the {db.Database.ProviderName} database");
            var imported = await DatabaseImport.ImportAsync(db, importFile, Console.Out, cancellationToken);
            Console.WriteLine($"Imported {imported.Rows} rows.");
            if (!imported.PasswordHashes)
            {
                Console.WriteLine("The file has no staff password hashes: give each person a new password with 'staff reset <email>' before they sign in.");
            }

            return CommandRunner.Succeeded;
        });
        return command;
    }
}
