using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PersonaCatalogue.Core.Data;
using PersonaCatalogue.Core.Data.Entities;

namespace PersonaCatalogue.Core.Staff;

/// <summary>The rules for staff accounts, the same for the site's sign-in and the command line's <c>staff</c> commands.</summary>
public static class StaffIdentity
{
    public static void Configure(IdentityOptions options, IConfiguration configuration)
    {
        options.User.RequireUniqueEmail = true;
        // Length over composition rules, as the NCSC advises: long passwords, no forced character classes.
        options.Password.RequiredLength = 12;
        options.Password.RequireNonAlphanumeric = false;
        options.Password.RequireUppercase = false;
        options.Password.RequireLowercase = false;
        options.Password.RequireDigit = false;
        options.Lockout.AllowedForNewUsers = true;
        options.Lockout.MaxFailedAccessAttempts = configuration.GetValue("Staff:LockoutAttempts", 5);
        options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(configuration.GetValue("Staff:LockoutMinutes", 15));
    }

    /// <summary>Staff accounts without sign-in (no cookies): what the command line needs to add and reset accounts.</summary>
    public static IServiceCollection AddStaffAccounts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddIdentityCore<StaffUser>(options => Configure(options, configuration))
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<CatalogueDbContext>();
        services.AddScoped<StaffAccounts>();
        return services;
    }
}
