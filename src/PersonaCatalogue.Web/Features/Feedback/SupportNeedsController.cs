using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using PersonaCatalogue.Core.Catalogue;
using PersonaCatalogue.Core.Data;
using PersonaCatalogue.Web.Features.Shared;
using PersonaCatalogue.Web.Infrastructure;
using PersonaCatalogue.Web.Infrastructure.PageCaching;

namespace PersonaCatalogue.Web.Features.Feedback;

/// <summary>"Where do you need more support?": one free-text answer, and the skill areas it touches if the giver says.</summary>
public class SupportNeedsController(CatalogueDbContext db, TimeProvider clock) : Controller
{
    public const string FormPath = "/support-needs";
    public const string SentPath = FormPath + "/sent";
    public const string SummaryPath = FormPath + "/summary";

    [HttpGet(FormPath)]
    public async Task<IActionResult> Form(CancellationToken cancellationToken) =>
        View("SupportNeeds", new SupportNeedsPage(new SupportNeedForm(), await LoadAreasAsync(cancellationToken)));

    [HttpPost(FormPath)]
    [EnableRateLimiting(RateLimits.PublicForms)]
    public async Task<IActionResult> Form(SupportNeedForm form, CancellationToken cancellationToken)
    {
        if (form.IsFromABot)
        {
            return Redirect(SentPath);
        }

        var areas = await LoadAreasAsync(cancellationToken);
        form.NormaliseLineBreaks();
        var result = new SupportNeedFormValidator(areas.Select(a => a.Slug).ToHashSet(StringComparer.Ordinal)).Validate(form);
        if (!result.IsValid)
        {
            return this.InvalidForm(result, new SupportNeedsPage(form, areas), "SupportNeeds");
        }

        db.SupportNeedFeedback.Add(form.ToFeedback(areas.ToDictionary(a => a.Slug, a => a.Id), clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(cancellationToken);
        return Redirect(SentPath);
    }

    [HttpGet(SentPath)]
    public IActionResult Sent() => View("SupportNeedsSent");

    /// <summary>What people told us, in public: counts by skill area only, never their words.</summary>
    [HttpGet(SummaryPath)]
    [OutputCache(PolicyName = PublicPagePolicy.Name, Tags = [CataloguePages.SupportNeeds])]
    public async Task<IActionResult> Summary(CancellationToken cancellationToken) =>
        View("SupportNeedsSummary", await SupportNeedCounts.LoadAsync(db, clock, cancellationToken));

    private Task<List<AreaChoice>> LoadAreasAsync(CancellationToken cancellationToken) =>
        db.SkillAreas.AsNoTracking().OrderBy(a => a.Order).Select(a => new AreaChoice(a.Id, a.Slug, a.Name)).ToListAsync(cancellationToken);
}

public record AreaChoice(int Id, string Slug, string Name);

public record SupportNeedsPage(SupportNeedForm Form, List<AreaChoice> Areas)
{
    public List<VocabularyTerm> AreaOptions => Areas.Select(a => new VocabularyTerm(a.Slug, a.Name)).ToList();
}
