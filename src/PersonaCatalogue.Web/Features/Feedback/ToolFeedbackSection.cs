using Microsoft.EntityFrameworkCore;
using PersonaCatalogue.Core.Data;
using PersonaCatalogue.Core.Data.Entities;

namespace PersonaCatalogue.Web.Features.Feedback;

/// <summary>
/// How many people answered "Did this tool help you?" and how many said yes, spam left out. Counted in SQL on every
/// request, so a new answer or one marked as spam changes the count at once.
/// </summary>
public record ToolHelpfulness(int Helped, int Answered)
{
    public static readonly ToolHelpfulness None = new(0, 0);

    /// <summary>The answers that count, here, in the "most found helpful" order and in the staff summary: all but spam.</summary>
    public static IQueryable<ToolFeedback> Counted(CatalogueDbContext db) =>
        db.ToolFeedback.Where(f => f.Status != FeedbackStatus.Spam);

    public static async Task<ToolHelpfulness> ForToolAsync(CatalogueDbContext db, string slug, CancellationToken cancellationToken) =>
        (await CountAsync(Counted(db).Where(f => f.Tool.Slug == slug), cancellationToken)).Values.SingleOrDefault() ?? None;

    /// <summary>One query for a page of tools, keyed by slug; tools nobody answered about are left out.</summary>
    public static Task<Dictionary<string, ToolHelpfulness>> ForToolsAsync(CatalogueDbContext db, IReadOnlyCollection<string> slugs, CancellationToken cancellationToken) =>
        CountAsync(Counted(db).Where(f => slugs.Contains(f.Tool.Slug)), cancellationToken);

    /// <summary>Every tool anyone answered about, keyed by slug, for the open data's helpfulness counts.</summary>
    public static Task<Dictionary<string, ToolHelpfulness>> ForAllToolsAsync(CatalogueDbContext db, CancellationToken cancellationToken) =>
        CountAsync(Counted(db), cancellationToken);

    private static Task<Dictionary<string, ToolHelpfulness>> CountAsync(IQueryable<ToolFeedback> feedback, CancellationToken cancellationToken) =>
        feedback
            .GroupBy(f => f.Tool.Slug)
            .Select(g => new { Slug = g.Key, Helped = g.Count(f => f.Helped), Answered = g.Count() })
            .ToDictionaryAsync(c => c.Slug, c => new ToolHelpfulness(c.Helped, c.Answered), cancellationToken);

    /// <summary>The last time an answer arrived or was triaged (UTC), for Last-Modified on lists ordered by the answers.</summary>
    public static async Task<DateTime> LastChangedAsync(CatalogueDbContext db, CancellationToken cancellationToken) =>
        await db.ToolFeedback.MaxAsync(f => (DateTime?)(f.ReviewedAt ?? f.CreatedAt), cancellationToken) ?? DateTime.UnixEpoch;

    /// <summary>"3 of 4 people said it helped".</summary>
    public string Sentence => Answered == 0
        ? "Nobody has answered yet."
        : $"{Helped} of {Answered} {(Answered == 1 ? "person" : "people")} said it helped.";
}

/// <summary>The feedback section of the tool page: the count so far and the form, with what was typed when it had errors.</summary>
public record ToolFeedbackSection(string Slug, string Name, ToolHelpfulness Summary, ToolFeedbackForm Form);
