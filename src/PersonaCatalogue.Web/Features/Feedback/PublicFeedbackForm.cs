namespace PersonaCatalogue.Web.Features.Feedback;

/// <summary>What every public feedback form posts besides its answers: the honeypot.</summary>
public abstract class PublicFeedbackForm
{
    /// <summary>The honeypot (<c>_Honeypot</c>): hidden from people, so anything in it came from a bot.</summary>
    public string? Website { get; set; }

    public bool IsFromABot => !string.IsNullOrEmpty(Website);
}
