namespace PersonaCatalogue.Core.Data.Entities;

/// <summary>
/// Something the public told us, with its triage. Every kind of feedback shares one table (the <see cref="Kind"/>
/// column tells them apart), so the spam handling, the staff inbox and the CSV export work on all of them: persona
/// feedback, tool feedback, missing-persona suggestions and support needs.
/// </summary>
public abstract class FeedbackItem
{
    public int Id { get; set; }

    /// <summary>Set by EF Core from the subclass.</summary>
    public FeedbackKind Kind { get; set; }

    public FeedbackStatus Status { get; set; } = FeedbackStatus.New;

    /// <summary>The giver's own answer to "your role"; null when they did not say.</summary>
    public GiverRole? GiverRole { get; set; }

    /// <summary>The giver agreed that their comment may be published without their name.</summary>
    public bool ConsentToPublish { get; set; }

    /// <summary>Staff chose to publish the comment. Only ever true with <see cref="ConsentToPublish"/> (a check constraint holds it).</summary>
    public bool CommentPublished { get; set; }

    /// <summary>Optional; never published, and in exports only for administrators.</summary>
    public string? Email { get; set; }

    /// <summary>UTC.</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>Email of the staff member who last triaged it.</summary>
    public string? ReviewedBy { get; set; }

    /// <summary>UTC.</summary>
    public DateTime? ReviewedAt { get; set; }

    /// <summary>Whether there is any free text that could be published.</summary>
    public abstract bool HasComment();
}

public enum FeedbackKind
{
    Persona,
    Tool,
    MissingPersona,
    SupportNeed,
}

public enum FeedbackStatus
{
    New,
    Reviewed,
    Spam,
}

public enum GiverRole
{
    PublicSectorServices,
    SupportsPublicSector,
    Other,
}
