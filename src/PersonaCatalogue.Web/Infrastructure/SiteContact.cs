namespace PersonaCatalogue.Web.Infrastructure;

/// <summary>
/// How the public reaches us: <c>Contact:Email</c> and, optionally, <c>Contact:Name</c>. Shown on the privacy page, the
/// accessibility statement and in the footer; without an address those say plainly that none is configured, and the
/// start-up log warns. No address is ever made up.
/// </summary>
public sealed record SiteContact(string? Email, string? Name)
{
    public bool IsConfigured => Email is not null;

    /// <summary>"the Data team (data@example.org)" or just the address.</summary>
    public string? Label => Email is null ? null : Name is null ? Email : $"{Name} ({Email})";

    public static SiteContact Read(IConfiguration configuration) => new(Value(configuration["Contact:Email"]), Value(configuration["Contact:Name"]));

    private static string? Value(string? setting) => string.IsNullOrWhiteSpace(setting) ? null : setting.Trim();
}
