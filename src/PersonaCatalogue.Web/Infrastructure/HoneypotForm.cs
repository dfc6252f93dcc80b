namespace PersonaCatalogue.Web.Infrastructure;

/// <summary>
/// A public form with the honeypot (the <c>_Honeypot</c> partial): a field hidden from people and from keyboards, so
/// anything in it came from a bot. A bot's form gets the same answer as a person's and nothing is kept, so it has no
/// reason to try again.
/// </summary>
public abstract class HoneypotForm
{
    public string? Website { get; set; }

    public bool IsFromABot => !string.IsNullOrEmpty(Website);
}
