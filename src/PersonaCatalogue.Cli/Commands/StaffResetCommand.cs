using System.CommandLine;
using Microsoft.AspNetCore.Identity;
using PersonaCatalogue.Core.Audit;
using PersonaCatalogue.Core.Data.Entities;
using PersonaCatalogue.Core.Staff;

namespace PersonaCatalogue.Cli.Commands;

public static class StaffResetCommand
{
    public static Command Create()
    {
        var email = new Argument<string>("email") { Description = "The email address of the account" };
        var command = new Command("reset", "Give a staff account a new generated one-time password, unlock it and sign it out everywhere.")
        {
            email,
        };
        command.SetCatalogueAction("Resetting the password", async (parsed, host, cancellationToken) =>
        {
            var address = parsed.GetValue(email)!;
            var staff = await host.Services.GetRequiredService<UserManager<StaffUser>>().FindByEmailAsync(address);
            if (staff is null)
            {
                return CommandRunner.Fail($"There is no staff account with the email address {address}.");
            }

            var newPassword = await host.Services.GetRequiredService<StaffAccounts>().ResetPasswordAsync(staff, removeAuthenticator: true);
            host.Db.AuditSystem(host.UtcNow, AuditActions.StaffPasswordReset, "staff", staff.Email!, new { via = "command line" });
            await host.Db.SaveChangesAsync(cancellationToken);
            Console.WriteLine($"Reset the password of {staff.Email}, turned off its authenticator app, unlocked the account and signed it out everywhere.");
            Console.WriteLine($"One-time password: {newPassword}");
            Console.WriteLine("Give it to them privately; they must change it when they sign in (and an Administrator must set up an authenticator app again).");
            return CommandRunner.Succeeded;
        });
        return command;
    }
}
