using System.Globalization;
using PersonaCatalogue.Core.Data.Entities;

namespace PersonaCatalogue.Web.Features.Staff.Feedback;

/// <summary>
/// The inbox's GET filters, shared by the page and its CSV export so both show the same rows. Values come straight from
/// the query string; anything unknown is ignored rather than shown as an error. Persona and iteration apply to persona
/// feedback, and skill area to support needs, so choosing one of them shows only that kind.
/// </summary>
public record FeedbackFilter(string? Persona, int? Iteration, string Status, string? Kind = null, string? Area = null)
{
    public const string AllStatuses = "all";

    public static FeedbackFilter Parse(string? persona, string? iteration, string? status, string? kind = null, string? area = null) => new(
        Clean(persona),
        int.TryParse(iteration, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0 ? number : null,
        status == AllStatuses || FeedbackTerms.Statuses.FromSlug(status) is not null ? status! : FeedbackTerms.Statuses.Slug(FeedbackStatus.New),
        FeedbackTerms.Kinds.FromSlug(kind) is not null ? kind : null,
        Clean(area));

    public FeedbackStatus? StatusValue => FeedbackTerms.Statuses.FromSlug(Status);

    public FeedbackKind? KindValue => FeedbackTerms.Kinds.FromSlug(Kind);

    public IQueryable<FeedbackItem> Apply(IQueryable<FeedbackItem> feedback)
    {
        if (KindValue is { } kind)
        {
            feedback = feedback.Where(f => f.Kind == kind);
        }

        if (Persona is not null)
        {
            feedback = feedback.Where(f => f is PersonaFeedback && ((PersonaFeedback)f).Persona.Slug == Persona);
        }

        if (Iteration is not null)
        {
            feedback = feedback.Where(f => f is PersonaFeedback && ((PersonaFeedback)f).Iteration == Iteration);
        }

        if (Area is not null)
        {
            feedback = feedback.Where(f => f is SupportNeedFeedback && ((SupportNeedFeedback)f).Areas.Any(a => a.SkillArea.Slug == Area));
        }

        if (StatusValue is { } status)
        {
            feedback = feedback.Where(f => f.Status == status);
        }

        return feedback;
    }

    /// <summary>The filter as a query string, for links, the export and returning after an action.</summary>
    public string QueryString(int? page = null)
    {
        var parts = new List<string>();
        if (Persona is not null)
        {
            parts.Add("persona=" + Uri.EscapeDataString(Persona));
        }

        if (Iteration is not null)
        {
            parts.Add("iteration=" + Iteration.Value.ToString(CultureInfo.InvariantCulture));
        }

        if (Kind is not null)
        {
            parts.Add("kind=" + Kind);
        }

        if (Area is not null)
        {
            parts.Add("area=" + Uri.EscapeDataString(Area));
        }

        parts.Add("status=" + Status);
        if (page is > 1)
        {
            parts.Add("page=" + page.Value.ToString(CultureInfo.InvariantCulture));
        }

        return "?" + string.Join('&', parts);
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
