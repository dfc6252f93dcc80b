namespace PersonaCatalogue.Core.Email;

/// <summary>
/// How the site sends email: <c>Email:Smtp:*</c> and <c>Email:From</c>, and <c>Site:BaseUrl</c> for the links in it.
/// Without a host and a sender address nothing is queued, and the suggestion form promises no email.
/// </summary>
public sealed record EmailSettings(string? Host, int Port, string? UserName, string? Password, bool UseTls, string? From, string? SiteBaseUrl)
{
    public bool IsConfigured => Host is not null && From is not null;

    public static EmailSettings Read(IConfiguration configuration) => new(
        Value(configuration["Email:Smtp:Host"]),
        configuration.GetValue("Email:Smtp:Port", 587),
        Value(configuration["Email:Smtp:UserName"]),
        Value(configuration["Email:Smtp:Password"]),
        configuration.GetValue("Email:Smtp:UseTls", true),
        Value(configuration["Email:From"]),
        Value(configuration["Site:BaseUrl"])?.TrimEnd('/'));

    private static string? Value(string? setting) => string.IsNullOrWhiteSpace(setting) ? null : setting.Trim();
}
