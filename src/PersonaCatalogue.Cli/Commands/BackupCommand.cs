using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using PersonaCatalogue.Core.Transfer;

namespace PersonaCatalogue.Cli.Commands;

public static class BackupCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "A new file for the copy (it must not exist yet)" };
        var command = new Command("backup", "Write a consistent copy of the SQLite database to a new file while the site keeps serving (on PostgreSQL, use pg_dump).")
        {
            file,
        };
        command.SetCatalogueAction("Backup", async (parsed, host, cancellationToken) =>
        {
            var db = host.Db;
            if (!db.Database.IsSqlite())
            {
                return CommandRunner.Fail("backup copies the SQLite database; on PostgreSQL use pg_dump (see docs/operations.md).");
            }

            var target = parsed.GetValue(file)!.FullName;
            if (File.Exists(target))
            {
                return CommandRunner.Fail($"{target} already exists; choose a new file name.");
            }

            // The copy holds every email address (and password hashes), so it is readable by its owner only: SQLite
            // writes into an empty file it finds, keeping the file's mode.
            await PrivateFile.CreateNew(target).DisposeAsync();
            try
            {
                // VACUUM INTO writes a consistent copy while the site keeps serving.
                await db.Database.ExecuteSqlAsync($"VACUUM INTO {target}", cancellationToken);
            }
            catch
            {
                File.Delete(target);
                throw;
            }

            Console.WriteLine($"Backed up the database to {target}");
            return CommandRunner.Succeeded;
        });
        return command;
    }
}
