using PersonaCatalogue.Core.Email;
using PersonaCatalogue.Core.Privacy;
using PersonaCatalogue.Web.Infrastructure.Email;

namespace PersonaCatalogue.Web.Infrastructure;

/// <summary>
/// What keeps the promises the public pages make: the contact address, the daily retention job, and (when SMTP is
/// configured) the sender of the email outbox. Start-up warns about each promise the configuration leaves unkept.
/// </summary>
public static class PublicPromises
{
    public static IServiceCollection AddPublicPromises(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(SiteContact.Read(configuration));
        services.AddHostedService<PersonalDataRetentionJob>();
        if (EmailSettings.Read(configuration).IsConfigured)
        {
            services.AddSingleton<SmtpMailTransport>();
            services.AddHostedService<OutboxSender>();
        }

        return services;
    }

    public static void WarnAboutUnkeptPromises(this WebApplication app)
    {
        var contact = app.Services.GetRequiredService<SiteContact>();
        var email = app.Services.GetRequiredService<EmailSettings>();
        if (!contact.IsConfigured)
        {
            app.Logger.LogWarning("Contact:Email is not set: the privacy page, the accessibility statement and the footer say that no contact address is configured");
        }

        if (email.Host is null)
        {
            app.Logger.LogWarning("Email:Smtp:Host is not set: no decision emails are sent, and the suggestion form does not promise one");
        }
        else if (email.From is null)
        {
            app.Logger.LogWarning("Email:Smtp:Host is set but Email:From is not: no decision emails are sent until both are");
        }
        else if (email.SiteBaseUrl is null)
        {
            app.Logger.LogWarning("Site:BaseUrl is not set: links in decision emails use the scheme and host the moderator's request came in on");
        }

        app.Logger.LogInformation("Personal data is kept for {Months} months", PersonalDataRetention.Months(app.Configuration));
    }
}
