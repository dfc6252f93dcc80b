namespace PersonaCatalogue.Core.Data.Entities;

/// <summary>
/// An email waiting to be sent, written in the same transaction as the change it tells someone about, so a decision
/// and its email commit (or not) together, and a mail server that is down loses nothing: the site's sender keeps
/// trying. See docs/decisions/0010-decision-emails-through-an-outbox.md.
/// </summary>
public class OutboxMessage
{
    public long Id { get; set; }

    public required string To { get; set; }
    public required string Subject { get; set; }

    /// <summary>Plain text.</summary>
    public required string Body { get; set; }

    /// <summary>The suggestion the email is about, so staff see on it whether its email went.</summary>
    public int? SuggestionId { get; set; }
    public ToolSuggestion? Suggestion { get; set; }

    public OutboxStatus Status { get; set; } = OutboxStatus.Waiting;

    /// <summary>Attempts so far, failed or not.</summary>
    public int Attempts { get; set; }

    /// <summary>UTC. The sender leaves a message alone until then (back-off, and a claim while one instance sends it).</summary>
    public DateTime NextAttemptAt { get; set; }

    /// <summary>UTC.</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>UTC.</summary>
    public DateTime? SentAt { get; set; }

    /// <summary>Why the last attempt failed, for staff.</summary>
    public string? LastError { get; set; }
}

public enum OutboxStatus
{
    Waiting,
    Sent,

    /// <summary>Every attempt failed; the sender gave up.</summary>
    Failed,
}
