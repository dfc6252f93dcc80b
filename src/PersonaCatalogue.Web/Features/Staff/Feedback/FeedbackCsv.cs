using System.Globalization;
using System.Text;
using PersonaCatalogue.Core.Data.Entities;
using PersonaCatalogue.Web.Infrastructure;

namespace PersonaCatalogue.Web.Features.Staff.Feedback;

/// <summary>
/// The CSV export of the inbox: one row per piece of feedback of any kind, answers as the slugs the forms use, times in
/// UTC ISO 8601. The kind column says which of the kind-specific columns are filled; the others are empty. The email
/// column exists only for administrators.
/// </summary>
public static class FeedbackCsv
{
    public const string ContentType = "text/csv; charset=utf-8";

    public record Column(string Header, Func<FeedbackRow, string?> Value);

    private static readonly IReadOnlyList<Column> _columns =
    [
        new("id", r => r.Id.ToString(CultureInfo.InvariantCulture)),
        new("kind", r => FeedbackTerms.Kinds.Slug(r.Kind)),
        new("created_utc", r => Time(r.CreatedAt)),
        new("persona", r => r.Persona?.PersonaSlug),
        new("iteration", r => r.Persona?.Iteration.ToString(CultureInfo.InvariantCulture)),
        new("status", r => FeedbackTerms.Statuses.Slug(r.Status)),
        new("usefulness", r => r.Persona is { } p ? FeedbackTerms.UsefulnessAnswers.Slug(p.Usefulness) : null),
        new("right_people", r => r.Persona is { } p ? FeedbackTerms.RightPeopleAnswers.Slug(p.RightPeople) : null),
        new("missing_or_wrong", r => r.Persona?.MissingOrWrong),
        new("how_would_you_use_it", r => r.Persona?.HowWouldYouUseIt),
        new("tool", r => r.Tool?.ToolSlug),
        new("helped", r => r.Tool is { } t ? YesNo(t.Helped) : null),
        new("what_it_helped_do", r => r.Tool?.WhatItHelpedWith),
        new("missing_role", r => r.MissingPersona?.MissingRole),
        new("what_they_do", r => r.MissingPersona?.WhatTheyDo),
        new("what_they_need_to_know", r => r.MissingPersona?.WhatTheyNeedToKnow),
        new("support_needed", r => r.SupportNeed?.SupportNeeded),
        new("skill_areas", r => r.SupportNeed is { } n ? string.Join("; ", n.Areas.Select(a => a.Slug)) : null),
        new("your_role", r => r.GiverRole is { } role ? FeedbackTerms.Roles.Slug(role) : null),
        new("consent_to_publish", r => YesNo(r.ConsentToPublish)),
        new("comment_published", r => YesNo(r.CommentPublished)),
        new("reviewed_by", r => r.ReviewedBy),
        new("reviewed_utc", r => r.ReviewedAt is { } at ? Time(at) : null),
    ];

    private static readonly Column _email = new("email", r => r.Email);

    public static IReadOnlyList<Column> Columns(bool includeEmail) => includeEmail ? [.. _columns, _email] : _columns;

    /// <summary>UTF-8 with a byte order mark, which is how spreadsheets recognise UTF-8 in a CSV file.</summary>
    public static async Task WriteAsync(Stream body, IAsyncEnumerable<FeedbackRow> rows, bool includeEmail, CancellationToken cancellationToken)
    {
        var columns = Columns(includeEmail);
        await using var text = new StreamWriter(body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 16 * 1024, leaveOpen: true);
        var csv = new CsvWriter(text);
        await csv.WriteRowAsync(columns.Select(c => c.Header), cancellationToken);
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            await csv.WriteRowAsync(columns.Select(c => c.Value(row)), cancellationToken);
        }

        await text.FlushAsync(cancellationToken);
    }

    private static string YesNo(bool value) => value ? "yes" : "no";

    private static string Time(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
