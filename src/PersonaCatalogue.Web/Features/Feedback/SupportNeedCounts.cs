using Microsoft.EntityFrameworkCore;
using PersonaCatalogue.Core.Data;
using PersonaCatalogue.Core.Data.Entities;

namespace PersonaCatalogue.Web.Features.Feedback;

/// <summary>
/// How many answers to "Where do you need more support?" named each skill area over the last 12 months, spam left
/// out. Only counts: the answers' words stay with staff. Shared by the public summary page, the download and the API,
/// so all three say the same thing.
/// </summary>
public record SupportNeedCounts(DateOnly From, DateOnly To, int Answered, int NoArea, List<SupportNeedAreaCount> Areas)
{
    public const int Months = 12;

    public static async Task<SupportNeedCounts> LoadAsync(CatalogueDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var since = now.AddMonths(-Months);
        var counted = db.SupportNeedFeedback.AsNoTracking().Where(f => f.Status != FeedbackStatus.Spam && f.CreatedAt > since);
        var answered = await counted.CountAsync(cancellationToken);
        var noArea = await counted.CountAsync(f => !f.Areas.Any(), cancellationToken);
        var named = await db.SupportNeedAreas.AsNoTracking()
            .Where(n => n.Feedback.Status != FeedbackStatus.Spam && n.Feedback.CreatedAt > since)
            .GroupBy(n => n.SkillAreaId)
            .Select(g => new { AreaId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(c => c.AreaId, c => c.Count, cancellationToken);
        // Every area has a row, with zero where nobody named it, so a reader sees which areas nobody asked about.
        var areas = (await db.SkillAreas.AsNoTracking().OrderBy(a => a.Order).Select(a => new { a.Id, a.Slug, a.Name }).ToListAsync(cancellationToken))
            .Select(a => new SupportNeedAreaCount(a.Slug, a.Name, named.GetValueOrDefault(a.Id)))
            .ToList();
        return new SupportNeedCounts(DateOnly.FromDateTime(since), DateOnly.FromDateTime(now), answered, noArea, areas);
    }

    /// <summary>When an answer last arrived or was triaged (UTC), for Last-Modified.</summary>
    public static async Task<DateTime> LastChangedAsync(CatalogueDbContext db, CancellationToken cancellationToken) =>
        await db.SupportNeedFeedback.MaxAsync(f => (DateTime?)(f.ReviewedAt ?? f.CreatedAt), cancellationToken) ?? DateTime.UnixEpoch;
}

/// <summary>One skill area and how many answers named it.</summary>
public record SupportNeedAreaCount(string Area, string AreaName, int Answers);
