using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using PersonaCatalogue.Core.Data;
using PersonaCatalogue.Core.Data.Entities;
using PersonaCatalogue.Web.Features.Shared;
using PersonaCatalogue.Web.Infrastructure.PageCaching;

namespace PersonaCatalogue.Web.Features.Skills;

[Route("skills")]
public class SkillsController(CatalogueDbContext db) : Controller
{
    [HttpGet("")]
    [OutputCache(PolicyName = PublicPagePolicy.Name, Tags = [CataloguePages.Skills])]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var areas = await db.SkillAreas.AsNoTracking()
            .OrderBy(a => a.Order)
            .Select(a => new SkillAreaRow(
                a.Slug, a.Name, a.Description,
                a.Skills.OrderBy(s => s.Order)
                    .Select(s => new SkillRow(
                        s.Slug, s.Name,
                        s.Personas.Count,
                        s.Tools.Count(t => t.Tool.Status == ToolStatus.Published)))
                    .ToList()))
            .ToListAsync(cancellationToken);
        var levels = await db.SkillLevels.AsNoTracking().OrderBy(l => l.Order).ToListAsync(cancellationToken);
        return View(new SkillsFramework(areas, levels));
    }

    [HttpGet("{slug}")]
    [OutputCache(PolicyName = PublicPagePolicy.Name)]
    public async Task<IActionResult> Detail(string slug, CancellationToken cancellationToken)
    {
        var skill = await db.Skills.AsNoTracking()
            .Where(s => s.Slug == slug)
            .Select(s => new SkillDetail(
                s.Id, s.Slug, s.Name, s.Description, s.Area.Name, s.Area.Slug,
                s.Personas
                    .OrderByDescending(p => p.Level.Order).ThenBy(p => p.Persona.Order)
                    .Select(p => new SkillPersonaRow(p.Persona.Slug, p.Persona.Name, p.Persona.Role, p.Level.Name, p.Level.Order, p.Why))
                    .ToList(),
                s.Tools
                    .Where(t => t.Tool.Status == ToolStatus.Published)
                    .OrderBy(t => t.Tool.Name)
                    .Select(t => new SkillToolRow(t.Tool.Slug, t.Tool.Name, t.Tool.Summary))
                    .ToList()))
            .AsSplitQuery()
            .SingleOrDefaultAsync(cancellationToken);

        if (skill is null)
        {
            return NotFound();
        }

        HttpContext.TagPage(CataloguePages.Skill(skill.Id));
        return View(skill);
    }
}

public record SkillsFramework(List<SkillAreaRow> Areas, List<SkillLevel> Levels);

public record SkillAreaRow(string Slug, string Name, string Description, List<SkillRow> Skills);

public record SkillRow(string Slug, string Name, int PersonaCount, int ToolCount);

public record SkillDetail(
    int Id, string Slug, string Name, string Description, string AreaName, string AreaSlug,
    List<SkillPersonaRow> Personas, List<SkillToolRow> Tools);

public record SkillPersonaRow(string Slug, string Name, string Role, string LevelName, int LevelOrder, string Why);

public record SkillToolRow(string Slug, string Name, string Summary);
