using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using PersonaCatalogue.Core.Data;
using PersonaCatalogue.Core.Data.Entities;
using PersonaCatalogue.Core.Staff;
using PersonaCatalogue.Web.Features.Staff.Account;
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
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<StaffClaimsPrincipalFactory>();
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
        // The cookie that carries a password-checked user to the authenticator code page.
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, options =>
        {
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = cookieSecurity;
        });
        services.Configure<MvcOptions>(options => options.Filters.Add<AccountSetupFilter>());
        services.AddScoped<StaffAccounts>();
        services.AddScoped<ToolEditor>();
        services.AddScoped<DuplicateFinder>();
        return services;
    }

    /// <summary>
    /// Authorization by default for the staff area: every endpoint whose route is under <c>/staff</c> needs a signed-in
    /// Moderator or Administrator unless it says <c>[AllowAnonymous]</c> (sign-in, signed-out, access denied), so a new
    /// staff controller that forgets its <c>[Authorize]</c> is still closed. A controller's own, narrower
    /// <c>[Authorize(Roles = Administrator)]</c> still applies on top.
    /// </summary>
    public static TBuilder RequireStaffUnderStaffPath<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.Finally(endpoint =>
        {
            if (endpoint is RouteEndpointBuilder route && IsStaffPath(route.RoutePattern.RawText)
                && !endpoint.Metadata.OfType<IAllowAnonymous>().Any())
            {
                endpoint.Metadata.Add(new AuthorizeAttribute { Roles = StaffRoles.AnyStaff });
            }
        });
        return builder;
    }

    private static bool IsStaffPath(string? pattern)
    {
        var path = (pattern ?? "").TrimStart('/');
        return path.Equals("staff", StringComparison.OrdinalIgnoreCase) || path.StartsWith("staff/", StringComparison.OrdinalIgnoreCase);
    }
}
