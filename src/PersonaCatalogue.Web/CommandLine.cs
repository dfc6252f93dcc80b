using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PersonaCatalogue.Web.Data;
using PersonaCatalogue.Web.Data.Entities;
using PersonaCatalogue.Web.Features.Generate;
using PersonaCatalogue.Web.Features.Import;
using PersonaCatalogue.Web.Features.Staff.Accounts;
using PersonaCatalogue.Web.Features.Staff.Audit;
using PersonaCatalogue.Web.Features.Transfer;

namespace PersonaCatalogue.Web;

/// <summary>The web project doubles as the admin command line: <c>dotnet run --project src/PersonaCatalogue.Web -- &lt;command&gt;</c>.</summary>
public static class CommandLine
{
    private static readonly string[] _commands = ["import", "backup", "export", "import-all", "staff", "generate-catalogue", "help"];

    private const string IncludePasswordHashes = "--include-password-hashes";
    private const string IncludeDataProtectionKeys = "--include-data-protection-keys";

    public static bool IsCommand(string[] args) => args.Length > 0 && _commands.Contains(args[0]);

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        var output = Console.Out;
        try
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CatalogueDbContext>();
            await db.MigrateAsync();

            switch (args[0])
            {
                case "import":
                    var folder = args.Length > 1 && !args[1].StartsWith('-')
                        ? Path.GetFullPath(args[1])
                        : SeedDataFolder.Find(app.Configuration, app.Environment);
                    output.WriteLine($"Importing {folder}");
                    var report = await scope.ServiceProvider.GetRequiredService<SeedImporter>().ImportAsync(folder);
                    report.WriteTo(output);
                    return 0;

                case "backup" when args.Length > 1 && !db.Database.IsSqlite():
                    Console.Error.WriteLine("backup copies the SQLite database; on PostgreSQL use pg_dump (see the README).");
                    return 1;

                case "backup" when args.Length > 1:
                    var target = Path.GetFullPath(args[1]);
                    if (File.Exists(target))
                    {
                        Console.Error.WriteLine($"{target} already exists; choose a new file name.");
                        return 1;
                    }

                    // VACUUM INTO writes a consistent copy while the site keeps serving.
                    await db.Database.ExecuteSqlAsync($"VACUUM INTO {target}");
                    output.WriteLine($"Backed up the database to {target}");
                    return 0;

                case "export" when args.Length > 1 && !args[1].StartsWith('-') && args.Skip(2).All(a => a is IncludePasswordHashes or IncludeDataProtectionKeys):
                    var exportFile = Path.GetFullPath(args[1]);
                    var options = new ExportOptions(args.Contains(IncludePasswordHashes), args.Contains(IncludeDataProtectionKeys));
                    output.WriteLine($"Exporting the {db.Database.ProviderName} database to {exportFile}");
                    var exported = await DatabaseExport.WriteAsync(db, exportFile, options, output);
                    output.WriteLine($"Exported {exported} rows to {exportFile}.");
                    output.WriteLine(options.IncludePasswordHashes
                        ? "Staff password hashes are included."
                        : $"Staff accounts are exported WITHOUT password hashes ({IncludePasswordHashes} includes them): after import-all, give each person a new password with 'staff reset <email>'.");
                    output.WriteLine(options.IncludeDataProtectionKeys
                        ? "Data Protection keys are included: whoever holds this file can forge a staff cookie for the new site."
                        : $"Data Protection keys are left out ({IncludeDataProtectionKeys} includes them): on the new site everyone signs in again.");
                    output.WriteLine("The file holds personal data (email addresses of staff, suggesters and feedback givers): keep it safe and delete it after the move.");
                    return 0;

                case "import-all" when args.Length == 2 && !args[1].StartsWith('-'):
                    var importFile = Path.GetFullPath(args[1]);
                    output.WriteLine($"Importing {importFile} into the {db.Database.ProviderName} database");
                    var imported = await DatabaseImport.ImportAsync(db, importFile, output);
                    output.WriteLine($"Imported {imported.Rows} rows.");
                    if (!imported.PasswordHashes)
                    {
                        output.WriteLine("The file has no staff password hashes: give each person a new password with 'staff reset <email>' before they sign in.");
                    }

                    return 0;

                case "staff" when args.Length == 3 && args[1] == "reset":
                    var staff = await scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>().FindByEmailAsync(args[2]);
                    if (staff is null)
                    {
                        Console.Error.WriteLine($"There is no staff account with the email address {args[2]}.");
                        return 1;
                    }

                    var newPassword = await scope.ServiceProvider.GetRequiredService<StaffAccounts>().ResetPasswordAsync(staff);
                    db.AuditSystem(scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime, AuditActions.StaffPasswordReset, "staff", staff.Email!, new { via = "command line" });
                    await db.SaveChangesAsync();
                    output.WriteLine($"Reset the password of {staff.Email}, unlocked the account and signed it out everywhere.");
                    output.WriteLine($"One-time password: {newPassword}");
                    output.WriteLine("Give it to them privately; they should change it after signing in.");
                    return 0;

                case "staff" when args.Length >= 5 && args[1] == "add" && args[3] == "--role":
                    var (user, password, errors) = await scope.ServiceProvider.GetRequiredService<StaffAccounts>().AddAsync(args[2], args[4]);
                    if (user is null)
                    {
                        Console.Error.WriteLine($"Could not add {args[2]}: {string.Join(" ", errors)}");
                        return 1;
                    }

                    output.WriteLine($"Added {user.Email} as {args[4]}.");
                    output.WriteLine($"One-time password: {password}");
                    output.WriteLine("Give it to them privately; they should change it after signing in.");
                    return 0;

                case "generate-catalogue" when Option(args, "--tools") is { } tools && int.TryParse(tools, out var toolCount) && toolCount > 0:
                    return await GenerateCatalogueAsync(app, scope.ServiceProvider, db, output, toolCount, int.TryParse(Option(args, "--seed"), out var seed) ? seed : 1);

                default:
                    output.WriteLine("""
                        Commands:
                          import [folder]   upsert the catalogue from seed-data (default: the nearest seed-data folder)
                          backup <file>     write a consistent copy of the SQLite database to a new file
                          export <file> [--include-password-hashes] [--include-data-protection-keys]
                                            write the whole database as one JSON file, to move the site to another database
                          import-all <file> load an export into a new, empty database (run it before the site first starts)
                          staff add <email> --role Moderator|Administrator
                                            add a staff account and print a generated one-time password
                          staff reset <email>
                                            give a staff account a new generated one-time password and unlock it
                          generate-catalogue --tools <count> [--seed <number>]
                                            fill a new benchmark database with generated tools (after importing
                                            seed-data when it is empty); refuses a database with suggestions or feedback
                        """);
                    return args[0] == "help" ? 0 : 1;
            }
        }
        catch (SeedDataException ex)
        {
            Console.Error.WriteLine($"Import failed: {ex.Message}");
            return 1;
        }
        catch (TransferException ex)
        {
            Console.Error.WriteLine($"{(args[0] == "export" ? "Export" : "Import")} failed: {ex.Message}");
            return 1;
        }
        catch (DirectoryNotFoundException ex)
        {
            Console.Error.WriteLine(ex.Message);
            return 1;
        }
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    private static async Task<int> GenerateCatalogueAsync(
        WebApplication app, IServiceProvider services, CatalogueDbContext db, TextWriter output, int toolCount, int seed)
    {
        output.WriteLine($"Database {db.Database.GetDbConnection().DataSource}");
        var generator = services.GetRequiredService<CatalogueGenerator>();
        if (await generator.RefusalAsync() is { } refusal)
        {
            Console.Error.WriteLine(refusal);
            return 1;
        }

        if (!await db.Skills.AnyAsync())
        {
            var folder = SeedDataFolder.Find(app.Configuration, app.Environment);
            output.WriteLine($"The database is empty: importing {folder} first");
            var imported = await services.GetRequiredService<SeedImporter>().ImportAsync(folder);
            output.WriteLine($"Imported {imported.Added.Count} items from seed data.");
        }

        var report = await generator.GenerateAsync(toolCount, seed);
        report.WriteTo(output);
        output.WriteLine($"The catalogue now has {await db.Tools.CountAsync(t => t.Status == ToolStatus.Published)} published tools.");
        return 0;
    }
}
