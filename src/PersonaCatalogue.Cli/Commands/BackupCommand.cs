using System.CommandLine;
using Microsoft.EntityFrameworkCore;

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

            // VACUUM INTO writes a consistent copy while the site keeps serving.
            await db.Database.ExecuteSqlAsync($"VACUUM INTO {target}", cancellationToken);
            Console.WriteLine($"Backed up the database to {target}");
            return CommandRunner.Succeeded;
        });
        return command;
    }
}
