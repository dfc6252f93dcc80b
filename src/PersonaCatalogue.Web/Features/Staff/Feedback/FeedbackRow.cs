using PersonaCatalogue.Core.Data.Entities;

namespace PersonaCatalogue.Web.Features.Staff.Feedback;

/// <summary>
/// One piece of feedback of any kind as staff see it in the inbox and the CSV export: what every kind shares, and the
/// answers of its own kind (the others are null). Email is null unless the viewer may see it.
/// </summary>
public record FeedbackRow(
    int Id,
    FeedbackKind Kind,
    FeedbackStatus Status,
    DateTime CreatedAt,
    GiverRole? GiverRole,
    bool ConsentToPublish,
    bool CommentPublished,
    string? Email,
    string? ReviewedBy,
    DateTime? ReviewedAt,
    PersonaAnswers? Persona,
    ToolAnswers? Tool,
    MissingPersonaAnswers? MissingPersona,
    SupportNeedAnswers? SupportNeed)
{
    /// <summary>Only comments on personas are ever published, and only where the giver agreed.</summary>
    public bool CanPublish => Persona is { HasComment: true } && ConsentToPublish && !CommentPublished && Status != FeedbackStatus.Spam;

    /// <summary>Newest first; <paramref name="withEmail"/> decides in SQL whether the address is read at all.</summary>
    public static IQueryable<FeedbackRow> Query(IQueryable<FeedbackItem> feedback, bool withEmail) =>
        feedback
            .OrderByDescending(f => f.CreatedAt).ThenByDescending(f => f.Id)
            .Select(f => new FeedbackRow(
                f.Id, f.Kind, f.Status, f.CreatedAt, f.GiverRole, f.ConsentToPublish, f.CommentPublished, withEmail ? f.Email : null,
                f.ReviewedBy, f.ReviewedAt,
                f is PersonaFeedback
                    ? new PersonaAnswers(
                        ((PersonaFeedback)f).Persona.Slug, ((PersonaFeedback)f).Persona.Name, ((PersonaFeedback)f).Iteration,
                        ((PersonaFeedback)f).Usefulness, ((PersonaFeedback)f).RightPeople,
                        ((PersonaFeedback)f).MissingOrWrong, ((PersonaFeedback)f).HowWouldYouUseIt)
                    : null,
                f is ToolFeedback
                    ? new ToolAnswers(((ToolFeedback)f).Tool.Slug, ((ToolFeedback)f).Tool.Name, ((ToolFeedback)f).Helped, ((ToolFeedback)f).WhatItHelpedWith)
                    : null,
                f is MissingPersonaFeedback
                    ? new MissingPersonaAnswers(((MissingPersonaFeedback)f).MissingRole, ((MissingPersonaFeedback)f).WhatTheyDo, ((MissingPersonaFeedback)f).WhatTheyNeedToKnow)
                    : null,
                f is SupportNeedFeedback
                    ? new SupportNeedAnswers(
                        ((SupportNeedFeedback)f).SupportNeeded,
                        ((SupportNeedFeedback)f).Areas
                            .OrderBy(a => a.SkillArea.Order)
                            .Select(a => new AreaAnswer(a.SkillArea.Slug, a.SkillArea.Name))
                            .ToList())
                    : null));
}

public record PersonaAnswers(
    string PersonaSlug, string PersonaName, int Iteration, Usefulness Usefulness, RightPeople RightPeople, string? MissingOrWrong, string? HowWouldYouUseIt)
{
    public bool HasComment => MissingOrWrong is not null || HowWouldYouUseIt is not null;
}

public record ToolAnswers(string ToolSlug, string ToolName, bool Helped, string? WhatItHelpedWith);

public record MissingPersonaAnswers(string MissingRole, string WhatTheyDo, string WhatTheyNeedToKnow);

public record SupportNeedAnswers(string SupportNeeded, List<AreaAnswer> Areas);

public record AreaAnswer(string Slug, string Name);

/// <summary>One inbox item as the <c>_FeedbackItem</c> partial draws it.</summary>
public record FeedbackItemView(FeedbackRow Row, bool ShowEmail, string CurrentUrl);
