using Microsoft.EntityFrameworkCore;
using PersonaCatalogue.Core.Data;
using PersonaCatalogue.Core.Data.Entities;

namespace PersonaCatalogue.Web.Features.Staff.Feedback;

/// <summary>
/// The staff summary of support needs: per skill area, how many needs name it and how many of those are new, spam left
/// out. A need can name several areas or none, so the area counts need not add up to the total.
/// </summary>
public record SupportNeedsByArea(int Total, int New, int WithoutArea, List<SupportNeedAreaCount> Areas)
{
    public static async Task<SupportNeedsByArea> LoadAsync(CatalogueDbContext db, CancellationToken cancellationToken)
    {
        var needs = db.SupportNeedFeedback.AsNoTracking().Where(f => f.Status != FeedbackStatus.Spam);
        var counts = await db.SkillAreas.AsNoTracking()
            .OrderBy(a => a.Order)
            .Select(a => new SupportNeedAreaCount(
                a.Slug,
                a.Name,
                db.SupportNeedAreas.Count(n => n.SkillAreaId == a.Id && n.Feedback.Status != FeedbackStatus.Spam),
                db.SupportNeedAreas.Count(n => n.SkillAreaId == a.Id && n.Feedback.Status == FeedbackStatus.New)))
            .ToListAsync(cancellationToken);
        return new SupportNeedsByArea(
            await needs.CountAsync(cancellationToken),
            await needs.CountAsync(f => f.Status == FeedbackStatus.New, cancellationToken),
            await needs.CountAsync(f => !f.Areas.Any(), cancellationToken),
            counts);
    }
}

public record SupportNeedAreaCount(string Slug, string Name, int Needs, int New);
