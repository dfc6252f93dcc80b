using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using MimeKit.Text;
using PersonaCatalogue.Core.Email;

namespace PersonaCatalogue.Web.Infrastructure.Email;

/// <summary>Sends one plain-text email over SMTP with MailKit, as <c>Email:Smtp:*</c> and <c>Email:From</c> say. Registered only when both are set.</summary>
public sealed class SmtpMailTransport(EmailSettings settings)
{
    public const int TimeoutMilliseconds = 30_000;

    public async Task SendAsync(string to, string subject, string body, CancellationToken cancellationToken)
    {
        using var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(settings.From!));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = subject;
        message.Body = new TextPart(TextFormat.Plain) { Text = body };

        using var client = new SmtpClient { Timeout = TimeoutMilliseconds };
        // With TLS on, port 465 means TLS from the first byte; any other port must upgrade with STARTTLS (never optional,
        // so a server that stops offering it cannot make us send in the clear).
        var security = !settings.UseTls ? SecureSocketOptions.None
            : settings.Port == 465 ? SecureSocketOptions.SslOnConnect
            : SecureSocketOptions.StartTls;
        await client.ConnectAsync(settings.Host!, settings.Port, security, cancellationToken);
        if (settings.UserName is not null)
        {
            await client.AuthenticateAsync(settings.UserName, settings.Password ?? "", cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}
