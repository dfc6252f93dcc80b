using System.Globalization;
using PersonaCatalogue.Web.Data.Entities;

namespace PersonaCatalogue.Web.Features.Staff.Feedback;

/// <summary>
/// The inbox's GET filters, shared by the page and its CSV export so both show the same rows. Values come straight from
/// the query string; anything unknown is ignored rather than shown as an error.
/// </summary>
public record FeedbackFilter(string? Persona, int? Iteration, string Status)
{
    public const string AllStatuses = "all";

    public static FeedbackFilter Parse(string? persona, string? iteration, string? status) => new(
        string.IsNullOrWhiteSpace(persona) ? null : persona.Trim(),
        int.TryParse(iteration, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0 ? number : null,
        status == AllStatuses || FeedbackTerms.Statuses.FromSlug(status) is not null ? status! : FeedbackTerms.Statuses.Slug(FeedbackStatus.New));

    public FeedbackStatus? StatusValue => FeedbackTerms.Statuses.FromSlug(Status);

    public IQueryable<PersonaFeedback> Apply(IQueryable<PersonaFeedback> feedback)
    {
        if (Persona is not null)
        {
            feedback = feedback.Where(f => f.Persona.Slug == Persona);
        }

        if (Iteration is not null)
        {
            feedback = feedback.Where(f => f.Iteration == Iteration);
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

        parts.Add("status=" + Status);
        if (page is > 1)
        {
            parts.Add("page=" + page.Value.ToString(CultureInfo.InvariantCulture));
        }

        return "?" + string.Join('&', parts);
    }
}
