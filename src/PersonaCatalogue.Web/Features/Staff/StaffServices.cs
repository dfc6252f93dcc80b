using Microsoft.AspNetCore.Identity;
using PersonaCatalogue.Core.Data;
using PersonaCatalogue.Core.Data.Entities;
using PersonaCatalogue.Core.Staff;
using PersonaCatalogue.Web.Features.Staff.Suggestions;
using PersonaCatalogue.Web.Features.Staff.Tools;

namespace PersonaCatalogue.Web.Features.Staff;

public static class StaffServices
{
    /// <summary>Staff accounts with sign-in: Identity's cookie, its lockout, and the staff area's own services.</summary>
    public static IServiceCollection AddStaffIdentity(this IServiceCollection services, IConfiguration configuration, CookieSecurePolicy cookieSecurity)
    {
        services
            .AddIdentity<StaffUser, IdentityRole>(options => StaffIdentity.Configure(options, configuration))
            .AddEntityFrameworkStores<CatalogueDbContext>()
            .AddDefaultTokenProviders();
        // A disabled account or a reset password signs the person out everywhere within a minute.
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromMinutes(1));
        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "staff";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = cookieSecurity;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
            options.LoginPath = "/staff/sign-in";
            options.LogoutPath = "/staff/sign-out";
            options.AccessDeniedPath = "/staff/access-denied";
            options.ReturnUrlParameter = "returnUrl";
        });
        services.AddScoped<StaffAccounts>();
        services.AddScoped<ToolEditor>();
        services.AddScoped<DuplicateFinder>();
        return services;
    }
}
