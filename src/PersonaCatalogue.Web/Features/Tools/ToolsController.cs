using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using PersonaCatalogue.Web.Data;
using PersonaCatalogue.Web.Data.Entities;
using PersonaCatalogue.Web.Infrastructure.PageCaching;

namespace PersonaCatalogue.Web.Features.Tools;

[Route("tools")]
public class ToolsController(CatalogueDbContext db) : Controller
{
    [HttpGet("")]
    [OutputCache(PolicyName = PublicPagePolicy.Name, Tags = [PageTags.Tools])]
    public async Task<IActionResult> Index(ToolFilters filters, CancellationToken cancellationToken)
    {
        var options = await ToolQuery.NormaliseAsync(db, filters, cancellationToken);
        var query = ToolQuery.Filter(db, filters).AsNoTracking();
        var total = await query.CountAsync(cancellationToken);
        var pageCount = Math.Max(1, (int)Math.Ceiling(total / (double)ToolFilters.PageSize));
        filters.Page = Math.Min(filters.Page, pageCount);

        var tools = await ToolQuery.Sort(query, filters)
            .Skip((filters.Page - 1) * ToolFilters.PageSize)
            .Take(ToolFilters.PageSize)
            .Select(t => new ToolCard(t.Slug, t.Name, t.Summary, t.Kind, t.Cost, t.IsOpen, t.Publisher, t.AddedAt))
            .ToListAsync(cancellationToken);

        return View(new ToolsList(filters, options, tools, total, pageCount));
    }

    [HttpGet("{slug}")]
    public async Task<IActionResult> Detail(string slug, CancellationToken cancellationToken)
    {
        var tool = await db.Tools.AsNoTracking()
            .Where(t => t.Slug == slug)
            .Select(t => new ToolDetail(
                t.Slug, t.Name, t.Url, t.Summary, t.Description, t.Kind, t.Cost, t.IsOpen, t.Publisher,
                t.Status, t.AddedAt, t.LastReviewedAt,
                t.Skills
                    .OrderBy(s => s.Skill.Area.Order).ThenBy(s => s.Skill.Order)
                    .Select(s => new ToolSkillRow(s.Skill.Slug, s.Skill.Name, s.Skill.Area.Name))
                    .ToList(),
                t.Personas
                    .OrderBy(p => p.Persona.Order)
                    .Select(p => new ToolPersonaRow(p.Persona.Slug, p.Persona.Name, p.Persona.Role, p.Why))
                    .ToList()))
            .AsSplitQuery()
            .SingleOrDefaultAsync(cancellationToken);

        return tool is null ? NotFound() : View(tool);
    }
}
