using System.Security.Cryptography.X509Certificates;
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
    public static IServiceCollection AddSiteCookies(this IServiceCollection services, CookieSecurePolicy cookieSecurity, IConfiguration configuration)
    {
        var keys = services.AddDataProtection()
            .SetApplicationName("PersonaCatalogue")
            .PersistKeysToDbContext<CatalogueDbContext>();
        if (KeyCertificate(configuration) is { } certificate)
        {
            // Unprotect with the same certificate explicitly: on Linux the decryptor would otherwise look for it in a
            // certificate store it is not in.
            keys.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
        }

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

    /// <summary>
    /// The certificate (a PKCS#12 file with its private key) that encrypts the Data Protection keys in the database, so
    /// a copy of the database (a backup, an export with keys) cannot forge a staff cookie; null when none is configured.
    /// </summary>
    public static X509Certificate2? KeyCertificate(IConfiguration configuration) =>
        configuration["DataProtection:CertificatePath"] is { Length: > 0 } path
            ? X509CertificateLoader.LoadPkcs12FromFile(path, configuration["DataProtection:CertificatePassword"])
            : null;

    /// <summary>Says at start-up when the keys are kept unencrypted, outside Development.</summary>
    public static void WarnWhenKeysUnencrypted(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment() && string.IsNullOrEmpty(app.Configuration["DataProtection:CertificatePath"]))
        {
            app.Logger.LogWarning(
                "Data Protection keys are stored unencrypted in the database: anyone with a copy of it can forge staff cookies. " +
                "Set DataProtection:CertificatePath (and DataProtection:CertificatePassword) to encrypt them; see docs/operations.md.");
        }
    }
}
