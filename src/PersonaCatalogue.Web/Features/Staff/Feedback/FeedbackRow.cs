using PersonaCatalogue.Web.Data.Entities;

namespace PersonaCatalogue.Web.Features.Staff.Feedback;

/// <summary>One piece of feedback as staff see it in the inbox and the CSV export. Email is null unless the viewer may see it.</summary>
public record FeedbackRow(
    int Id,
    FeedbackKind Kind,
    string PersonaSlug,
    string PersonaName,
    int Iteration,
    Usefulness Usefulness,
    RightPeople RightPeople,
    string? MissingOrWrong,
    string? HowWouldYouUseIt,
    GiverRole? GiverRole,
    bool ConsentToPublish,
    bool CommentPublished,
    string? Email,
    FeedbackStatus Status,
    DateTime CreatedAt,
    string? ReviewedBy,
    DateTime? ReviewedAt)
{
    public bool HasComment => MissingOrWrong is not null || HowWouldYouUseIt is not null;

    public bool CanPublish => ConsentToPublish && HasComment && !CommentPublished && Status != FeedbackStatus.Spam;

    /// <summary>Newest first; <paramref name="withEmail"/> decides in SQL whether the address is read at all.</summary>
    public static IQueryable<FeedbackRow> Query(IQueryable<PersonaFeedback> feedback, bool withEmail) =>
        feedback
            .OrderByDescending(f => f.CreatedAt).ThenByDescending(f => f.Id)
            .Select(f => new FeedbackRow(
                f.Id, f.Kind, f.Persona.Slug, f.Persona.Name, f.Iteration, f.Usefulness, f.RightPeople, f.MissingOrWrong, f.HowWouldYouUseIt,
                f.GiverRole, f.ConsentToPublish, f.CommentPublished, withEmail ? f.Email : null, f.Status, f.CreatedAt, f.ReviewedBy, f.ReviewedAt));
}
