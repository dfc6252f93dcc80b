using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using PersonaCatalogue.Core.Catalogue;
using PersonaCatalogue.Core.Data;
using PersonaCatalogue.Core.Data.Entities;
using PersonaCatalogue.Web.Features.Personas;
using PersonaCatalogue.Web.Features.Shared;
using PersonaCatalogue.Web.Features.Tools;
using PersonaCatalogue.Web.Infrastructure.PageCaching;

namespace PersonaCatalogue.Web.Features.Home;

public class HomeController(CatalogueDbContext db, CatalogueToolCounts toolCounts) : Controller
{
    public const int RecentToolCount = 5;

    [HttpGet("/")]
    [OutputCache(PolicyName = PublicPagePolicy.Name, Tags = [CataloguePages.Home])]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var personas = await PersonaCard.Query(db).ToListAsync(cancellationToken);
        var recentTools = await db.Tools.AsNoTracking()
            .Where(t => t.Status == ToolStatus.Published)
            .OrderByDescending(t => t.AddedAt).ThenBy(t => t.Name)
            .Take(RecentToolCount)
            .Select(t => new ToolCard(t.Slug, t.Name, t.Summary, t.Kind, t.Cost, t.IsOpen, t.Publisher, t.AddedAt))
            .ToListAsync(cancellationToken);
        var counts = new HomeCounts(
            await db.Skills.CountAsync(cancellationToken),
            await db.SkillAreas.CountAsync(cancellationToken),
            (await toolCounts.GetAsync(db, cancellationToken)).Published);
        return View(new HomePage(personas, recentTools, counts));
    }
}

public record HomeCounts(int Skills, int Areas, int Tools);

public record HomePage(List<PersonaCard> Personas, List<ToolCard> RecentTools, HomeCounts Counts);
