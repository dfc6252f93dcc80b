namespace PersonaCatalogue.Core.Data.Entities;

/// <summary>One answer: its stored value, the slug used in forms, filters and exports, and the words people see.</summary>
public record Term<T>(T Value, string Slug, string Label)
    where T : struct, Enum;

/// <summary>The answers of the feedback forms and the triage statuses, in the order they are shown.</summary>
public static class FeedbackTerms
{
    public static readonly IReadOnlyList<Term<Usefulness>> UsefulnessAnswers =
    [
        new(Usefulness.VeryUseful, "very", "Very useful"),
        new(Usefulness.SomewhatUseful, "somewhat", "Somewhat useful"),
        new(Usefulness.NotUseful, "not", "Not useful"),
    ];

    public static readonly IReadOnlyList<Term<RightPeople>> RightPeopleAnswers =
    [
        new(RightPeople.Yes, "yes", "Yes"),
        new(RightPeople.Partly, "partly", "Partly"),
        new(RightPeople.No, "no", "No"),
    ];

    public static readonly IReadOnlyList<Term<GiverRole>> Roles =
    [
        new(GiverRole.PublicSectorServices, "public-sector-services", "I work in the public sector on services"),
        new(GiverRole.SupportsPublicSector, "supports-public-sector", "I support the public sector"),
        new(GiverRole.Other, "other", "Other"),
    ];

    public static readonly IReadOnlyList<Term<FeedbackStatus>> Statuses =
    [
        new(FeedbackStatus.New, "new", "New"),
        new(FeedbackStatus.Reviewed, "reviewed", "Reviewed"),
        new(FeedbackStatus.Spam, "spam", "Spam"),
    ];

    public static readonly IReadOnlyList<Term<FeedbackKind>> Kinds =
    [
        new(FeedbackKind.Persona, "persona", "Persona feedback"),
        new(FeedbackKind.Tool, "tool", "Tool feedback"),
        new(FeedbackKind.MissingPersona, "missing-persona", "Missing persona"),
        new(FeedbackKind.SupportNeed, "support-need", "Support need"),
    ];

    public static string Slug<T>(this IReadOnlyList<Term<T>> terms, T value)
        where T : struct, Enum => terms.First(t => EqualityComparer<T>.Default.Equals(t.Value, value)).Slug;

    public static string Label<T>(this IReadOnlyList<Term<T>> terms, T value)
        where T : struct, Enum => terms.First(t => EqualityComparer<T>.Default.Equals(t.Value, value)).Label;

    public static T? FromSlug<T>(this IReadOnlyList<Term<T>> terms, string? slug)
        where T : struct, Enum => terms.Where(t => t.Slug == slug).Select(t => (T?)t.Value).FirstOrDefault();
}
