using System.CommandLine;
using PersonaCatalogue.Core.Data.Entities;
using PersonaCatalogue.Core.Staff;

namespace PersonaCatalogue.Cli.Commands;

public static class StaffAddCommand
{
    public static Command Create()
    {
        var email = new Argument<string>("email") { Description = "The person's email address, which they sign in with" };
        var role = new Option<string>("--role") { Description = "What they may do", Required = true };
        role.AcceptOnlyFromAmong([.. StaffRoles.All]);
        var command = new Command("add", "Add a staff account and print a generated one-time password.")
        {
            email, role,
        };
        command.SetCatalogueAction("Adding the account", async (parsed, host, cancellationToken) =>
        {
            var address = parsed.GetValue(email)!;
            var roleName = parsed.GetValue(role)!;
            var (user, password, errors) = await host.Services.GetRequiredService<StaffAccounts>().AddAsync(address, roleName);
            if (user is null)
            {
                return CommandRunner.Fail($"Could not add {address}: {string.Join(" ", errors)}");
            }

            Console.WriteLine($"Added {user.Email} as {roleName}.");
            Console.WriteLine($"One-time password: {password}");
            Console.WriteLine("Give it to them privately; they should change it after signing in.");
            return CommandRunner.Succeeded;
        });
        return command;
    }
}
