using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using PersonaCatalogue.Core.Audit;
using PersonaCatalogue.Core.Data;
using PersonaCatalogue.Core.Data.Entities;

namespace PersonaCatalogue.Core.Privacy;

/// <summary>One thing held for an email address: what it is, when it was sent, and how staff can find it.</summary>
public sealed record PersonalDataMatch(string Kind, DateTime CreatedAt, string Reference);

/// <summary>
/// Erasure on request: finds every suggestion, feedback item and email that holds an address (ignoring case), and
/// blanks their personal fields in one transaction with one audit event. The audit event names the references and the
/// reason, never the address, so the log keeps no trace of it either.
/// </summary>
public sealed class PersonalDataErasure(CatalogueDbContext db, TimeProvider clock)
{
    public static string Normalise(string email) => email.Trim().ToLowerInvariant();

    public async Task<List<PersonalDataMatch>> FindAsync(string email, CancellationToken cancellationToken)
    {
        var address = Normalise(email);
        // Each query in a fixed order (PostgreSQL promises none without one), then all by date.
        var suggestions = await Suggestions(address).AsNoTracking()
            .OrderBy(s => s.Id)
            .Select(s => new PersonalDataMatch("Tool suggestion", s.CreatedAt, s.Reference))
            .ToListAsync(cancellationToken);
        var feedback = await Feedback(address).AsNoTracking()
            .OrderBy(f => f.Id)
            .Select(f => new { f.Kind, f.CreatedAt, f.Id })
            .ToListAsync(cancellationToken);
        var emails = await Emails(address).AsNoTracking()
            .OrderBy(m => m.Id)
            .Select(m => new { m.CreatedAt, m.Id, Reference = m.Suggestion == null ? null : m.Suggestion.Reference })
            .ToListAsync(cancellationToken);
        return
        [
            .. suggestions
                .Concat(feedback.Select(f => new PersonalDataMatch(PersonalFields.KindName(f.Kind), f.CreatedAt, $"Feedback {f.Id}")))
                .Concat(emails.Select(m => new PersonalDataMatch("Email to them", m.CreatedAt, m.Reference is null ? $"Email {m.Id}" : $"Email about {m.Reference}")))
                .OrderBy(m => m.CreatedAt),
        ];
    }

    /// <summary>Erases everything held for the address; <paramref name="by"/> is the administrator, or null for the command line.</summary>
    public async Task<PersonalDataCounts> EraseAsync(string email, string reason, ClaimsPrincipal? by, CancellationToken cancellationToken)
    {
        var address = Normalise(email);
        var matches = await FindAsync(address, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var counts = await PersonalFields.CountAsync(Suggestions(address), Feedback(address), Emails(address), cancellationToken);
        if (counts.Total == 0)
        {
            return counts;
        }

        await PersonalFields.BlankAsync(Suggestions(address), Feedback(address), Emails(address), cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var details = new { reason, rows = counts.Total, references = matches.Select(m => m.Reference).ToList() };
        var key = $"{counts.Total} item{(counts.Total == 1 ? "" : "s")}";
        if (by is null)
        {
            db.AuditSystem(now, AuditActions.PersonalDataErased, "personal-data", key, details);
        }
        else
        {
            db.Audit(by, now, AuditActions.PersonalDataErased, "personal-data", key, details);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return counts;
    }

    private IQueryable<ToolSuggestion> Suggestions(string address) =>
        db.ToolSuggestions.Where(s => s.SuggesterEmail != null && s.SuggesterEmail.ToLower() == address);

    private IQueryable<FeedbackItem> Feedback(string address) =>
        db.Feedback.Where(f => f.Email != null && f.Email.ToLower() == address);

    private IQueryable<OutboxMessage> Emails(string address) =>
        db.OutboxMessages.Where(m => m.To.ToLower() == address);
}
