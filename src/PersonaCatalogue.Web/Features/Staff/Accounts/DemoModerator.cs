using Microsoft.AspNetCore.Identity;
using PersonaCatalogue.Core.Data.Entities;
using PersonaCatalogue.Core.Staff;

namespace PersonaCatalogue.Web.Features.Staff.Accounts;

public static class DemoModerator
{
    /// <summary>
    /// In Development only: a moderator from configuration (<c>DemoModerator:Email</c> and <c>DemoModerator:Password</c>),
    /// so a newcomer can try moderation straight away. Never called in any other environment.
    /// </summary>
    public static async Task EnsureDemoModeratorAsync(this IServiceProvider services, IConfiguration configuration, ILogger logger)
    {
        var email = configuration["DemoModerator:Email"];
        var password = configuration["DemoModerator:Password"];
        if (string.IsNullOrEmpty(email) || string.IsNullOrEmpty(password))
        {
            return;
        }

        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        if (await users.FindByEmailAsync(email) is not null)
        {
            return;
        }

        var (_, _, errors) = await scope.ServiceProvider.GetRequiredService<StaffAccounts>().AddAsync(email, StaffRoles.Moderator, password);
        if (errors.Count > 0)
        {
            logger.LogWarning("Could not create the demo moderator: {Errors}", string.Join("; ", errors));
        }
        else
        {
            logger.LogInformation("Demo moderator {Email} created (Development only)", email);
        }
    }
}
