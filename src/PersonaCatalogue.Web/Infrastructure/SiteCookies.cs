using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using PersonaCatalogue.Core.Data;

namespace PersonaCatalogue.Web.Infrastructure;

public static class SiteCookies
{
    /// <summary>Cookies are Secure everywhere but on a developer's own machine, where the site runs on plain http.</summary>
    public static CookieSecurePolicy SecurityFor(IHostEnvironment environment) =>
        environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;

    /// <summary>The antiforgery and flash-message cookies, and the Data Protection keys that sign every cookie (kept in the database, so all instances share them).</summary>
    public static IServiceCollection AddSiteCookies(this IServiceCollection services, CookieSecurePolicy cookieSecurity)
    {
        services.AddDataProtection()
            .SetApplicationName("PersonaCatalogue")
            .PersistKeysToDbContext<CatalogueDbContext>();
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "antiforgery";
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = cookieSecurity;
        });
        services.Configure<CookieTempDataProviderOptions>(options =>
        {
            options.Cookie.Name = Flash.CookieName;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = cookieSecurity;
        });
        return services;
    }
}
