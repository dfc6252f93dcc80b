using System.CommandLine;
using System.Globalization;
using PersonaCatalogue.Core.Privacy;

namespace PersonaCatalogue.Cli.Commands;

public static class EraseCommand
{
    public static Command Create()
    {
        var email = new Option<string>("--email") { Description = "The address whose data to erase (capital letters do not matter)", Required = true };
        var reason = new Option<string>("--reason")
        {
            Description = "Why, for the audit log (which never records the address)",
            DefaultValueFactory = _ => "Erased on request from the command line",
        };
        var command = new Command("erase", "Erase everything held for an email address: blank the name, email address and organisation of every suggestion and feedback that holds it, and delete emails sent to it. Audited.")
        {
            email, reason,
        };
        command.SetCatalogueAction("Erase", async (parsed, host, cancellationToken) =>
        {
            var address = parsed.GetValue(email)!;
            var erasure = host.Services.GetRequiredService<PersonalDataErasure>();
            var matches = await erasure.FindAsync(address, cancellationToken);
            if (matches.Count == 0)
            {
                Console.WriteLine("Nothing is held for that address; nothing was changed.");
                return CommandRunner.Succeeded;
            }

            foreach (var match in matches)
            {
                Console.WriteLine($"  {match.Kind,-20} {match.CreatedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}  {match.Reference}");
            }

            var counts = await erasure.EraseAsync(address, parsed.GetValue(reason)!, by: null, cancellationToken);
            Console.WriteLine($"Erased personal data from {counts.Total} rows.");
            return CommandRunner.Succeeded;
        });
        return command;
    }
}
