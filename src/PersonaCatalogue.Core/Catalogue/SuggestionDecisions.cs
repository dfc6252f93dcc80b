using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using PersonaCatalogue.Core.Audit;
using PersonaCatalogue.Core.Data;
using PersonaCatalogue.Core.Data.Entities;
using PersonaCatalogue.Core.Email;

namespace PersonaCatalogue.Core.Catalogue;

/// <summary>
/// What a moderator's decision on a suggestion does: publish it as a tool, reject it, or mark it a duplicate. Each
/// decision first claims the suggestion with one UPDATE that matches its concurrency token (Version) and status,
/// inside a transaction: when two moderators decide at once, exactly one claim matches, and the other is told who
/// decided it. Nothing is published twice. Each decision is audited, and the suggester's email written to the outbox,
/// in the same transaction. <c>requestBaseUrl</c> (the scheme and host the moderator used) starts the email's links
/// when <c>Site:BaseUrl</c> is not set.
/// </summary>
public class SuggestionDecisions(CatalogueDbContext db, DecisionEmails emails, TimeProvider clock)
{
    /// <summary>
    /// Publishes <paramref name="tool"/>, filled in from the suggestion but not yet added: it is stamped with the
    /// suggestion's reference and today's date, saved, and linked from the suggestion. <paramref name="published"/> is
    /// what the audit log records about the new tool.
    /// </summary>
    public async Task<DecisionOutcome> PublishAsync(
        ToolSuggestion suggestion, Guid version, Tool tool, object published, ClaimsPrincipal moderator, string requestBaseUrl, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        tool.AddedAt = now;

        // Approving is a moderator checking the tool, so it is its first review.
        tool.LastReviewedAt = now;
        tool.Source = suggestion.Reference;

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await ClaimAsync(suggestion.Id, version, SuggestionStatus.Approved, reason: null, toolId: null, moderator, now, cancellationToken) == 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            return DecisionOutcome.AlreadyDecided;
        }

        try
        {
            db.Tools.Add(tool);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another tool took the slug between validation and saving.
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return DecisionOutcome.SlugTaken;
        }

        await db.ToolSuggestions.Where(s => s.Id == suggestion.Id).ExecuteUpdateAsync(u => u.SetProperty(s => s.ToolId, tool.Id), cancellationToken);
        await emails.QueueAsync(db, suggestion.Id, requestBaseUrl, cancellationToken);
        db.Audit(moderator, now, AuditActions.SuggestionApproved, "suggestion", suggestion.Reference, new { tool = tool.Slug });
        db.Audit(moderator, now, AuditActions.ToolPublished, "tool", tool.Slug, published);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return DecisionOutcome.Decided;
    }

    /// <summary>Rejects the suggestion; the suggester sees <paramref name="reason"/> on their status page.</summary>
    public Task<DecisionOutcome> RejectAsync(ToolSuggestion suggestion, Guid version, string reason, ClaimsPrincipal moderator, string requestBaseUrl, CancellationToken cancellationToken) =>
        DecideAsync(suggestion, version, SuggestionStatus.Rejected, reason, toolId: null, moderator, AuditActions.SuggestionRejected, new { reason }, requestBaseUrl, cancellationToken);

    /// <summary>Marks the suggestion a duplicate of <paramref name="original"/>, which its status page then links to.</summary>
    public Task<DecisionOutcome> MarkDuplicateAsync(ToolSuggestion suggestion, Guid version, Tool original, ClaimsPrincipal moderator, string requestBaseUrl, CancellationToken cancellationToken) =>
        DecideAsync(suggestion, version, SuggestionStatus.Duplicate, reason: null, original.Id, moderator, AuditActions.SuggestionDuplicate, new { tool = original.Slug }, requestBaseUrl, cancellationToken);

    /// <summary>The slug to offer for a tool published from <paramref name="suggestion"/>: from its name, numbered from 2 when taken.</summary>
    public async Task<string> FreeSlugAsync(ToolSuggestion suggestion, CancellationToken cancellationToken)
    {
        var taken = (await db.Tools.Select(t => t.Slug).ToListAsync(cancellationToken)).ToHashSet();
        var baseSlug = Slugs.FromName(suggestion.ToolName);
        var slug = baseSlug;
        for (var n = 2; taken.Contains(slug); n++)
        {
            slug = $"{baseSlug}-{n}";
        }

        return slug;
    }

    private async Task<DecisionOutcome> DecideAsync(
        ToolSuggestion suggestion, Guid version, SuggestionStatus status, string? reason, int? toolId, ClaimsPrincipal moderator, string action, object details,
        string requestBaseUrl, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await ClaimAsync(suggestion.Id, version, status, reason, toolId, moderator, now, cancellationToken) == 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            return DecisionOutcome.AlreadyDecided;
        }

        db.Audit(moderator, now, action, "suggestion", suggestion.Reference, details);
        await emails.QueueAsync(db, suggestion.Id, requestBaseUrl, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return DecisionOutcome.Decided;
    }

    /// <summary>Records the decision only if nobody has decided since this moderator loaded the page. Returns the rows changed: 1 or 0.</summary>
    private Task<int> ClaimAsync(
        int id, Guid version, SuggestionStatus status, string? reason, int? toolId, ClaimsPrincipal moderator, DateTime now, CancellationToken cancellationToken)
    {
        var newVersion = Guid.NewGuid();
        var decidedBy = moderator.Identity!.Name;
        return db.ToolSuggestions
            .Where(s => s.Id == id && s.Version == version && s.Status == SuggestionStatus.Submitted)
            .ExecuteUpdateAsync(u => u
                .SetProperty(s => s.Status, status)
                .SetProperty(s => s.Reason, reason)
                .SetProperty(s => s.ToolId, toolId)
                .SetProperty(s => s.DecidedBy, decidedBy)
                .SetProperty(s => s.DecidedAt, now)
                .SetProperty(s => s.Version, newVersion), cancellationToken);
    }
}

public enum DecisionOutcome
{
    Decided,

    /// <summary>Another moderator decided first; nothing changed.</summary>
    AlreadyDecided,

    /// <summary>Another tool took the slug after the form was checked; nothing changed.</summary>
    SlugTaken,
}
