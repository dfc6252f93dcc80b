using PersonaCatalogue.Core.Audit;
using PersonaCatalogue.Core.Data;

namespace PersonaCatalogue.Core.Privacy;

/// <summary>
/// Keeps the privacy notice's promise: personal fields of suggestions and feedback sent more than
/// <c>Privacy:RetentionMonths</c> ago are blanked, and emails written to those people deleted. Run daily by the site
/// and by the <c>purge</c> command. It only ever touches rows that still hold something, so running it twice, or on two
/// instances at once, changes nothing the second time, and only a run that changed something is audited.
/// </summary>
public sealed class PersonalDataRetention(CatalogueDbContext db, IConfiguration configuration, TimeProvider clock)
{
    public const int DefaultMonths = 12;

    public static int Months(IConfiguration configuration) => configuration.GetValue("Privacy:RetentionMonths", DefaultMonths);

    /// <summary>What was sent before this is too old to keep: now less the retention months.</summary>
    public DateTime Cutoff() => clock.GetUtcNow().UtcDateTime.AddMonths(-Months(configuration));

    /// <summary>Blanks what was sent before <paramref name="cutoff"/> (UTC), or with <paramref name="dryRun"/> only counts it.</summary>
    public async Task<PersonalDataCounts> PurgeAsync(DateTime cutoff, bool dryRun, CancellationToken cancellationToken)
    {
        var suggestions = db.ToolSuggestions.Where(s => s.CreatedAt < cutoff
            && (s.SuggesterName != null || s.SuggesterEmail != null || s.SuggesterOrganisation != null));
        var feedback = db.Feedback.Where(f => f.CreatedAt < cutoff && f.Email != null);
        var emails = db.OutboxMessages.Where(m => m.CreatedAt < cutoff);

        await using var transaction = dryRun ? null : await db.Database.BeginTransactionAsync(cancellationToken);
        var counts = await PersonalFields.CountAsync(suggestions, feedback, emails, cancellationToken);
        if (transaction is null || counts.Total == 0)
        {
            return counts;
        }

        await PersonalFields.BlankAsync(suggestions, feedback, emails, cancellationToken);
        db.AuditSystem(clock.GetUtcNow().UtcDateTime, AuditActions.PersonalDataRetention, "personal-data", $"sent before {cutoff:yyyy-MM-dd}", new
        {
            cutoff,
            rows = counts.Total,
            suggestions = counts.Suggestions,
            personaFeedback = counts.PersonaFeedback,
            toolFeedback = counts.ToolFeedback,
            missingPersona = counts.MissingPersona,
            supportNeeds = counts.SupportNeeds,
            emails = counts.Emails,
        });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return counts;
    }
}
