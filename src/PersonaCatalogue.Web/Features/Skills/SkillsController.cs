using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using PersonaCatalogue.Core.Catalogue;
using PersonaCatalogue.Core.Data;
using PersonaCatalogue.Core.Data.Entities;
using PersonaCatalogue.Web.Features.Shared;
using PersonaCatalogue.Web.Features.Tools;
using PersonaCatalogue.Web.Infrastructure.PageCaching;

namespace PersonaCatalogue.Web.Features.Skills;

[Route("skills")]
public class SkillsController(CatalogueDbContext db, IConfiguration configuration, CatalogueToolCounts toolCounts) : Controller
{
    [HttpGet("")]
    [OutputCache(PolicyName = PublicPagePolicy.Name, Tags = [CataloguePages.Skills])]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        // The tool counts are kept in memory until a tool changes: counting them took most of this page's time.
        var counts = await toolCounts.GetAsync(db, cancellationToken);
        var areas = (await db.SkillAreas.AsNoTracking()
            .OrderBy(a => a.Order)
            .Select(a => new
            {
                a.Slug,
                a.Name,
                a.Description,
                Skills = a.Skills.OrderBy(s => s.Order).Select(s => new { s.Id, s.Slug, s.Name, Personas = s.Personas.Count }).ToList(),
            })
            .ToListAsync(cancellationToken))
            .Select(a => new SkillAreaRow(
                a.Slug, a.Name, a.Description,
                [.. a.Skills.Select(s => new SkillRow(s.Slug, s.Name, s.Personas, counts.ForSkill(s.Id)))]))
            .ToList();
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
                    .ToList()))
            .AsSplitQuery()
            .SingleOrDefaultAsync(cancellationToken);

        if (skill is null)
        {
            return NotFound();
        }

        HttpContext.TagPage(CataloguePages.Skill(skill.Id));
        var (tools, toolCount) = await LinkedTools.ForSkillAsync(
            db, HttpContext, configuration, toolCounts, skill.Id, skill.Slug,
            linked => linked.Select(t => new SkillToolRow(t.Slug, t.Name, t.Summary)),
            cancellationToken);
        return View(skill with { Tools = tools, ToolCount = toolCount });
    }
}

public record SkillsFramework(List<SkillAreaRow> Areas, List<SkillLevel> Levels);

public record SkillAreaRow(string Slug, string Name, string Description, List<SkillRow> Skills);

public record SkillRow(string Slug, string Name, int PersonaCount, int ToolCount);

public record SkillDetail(
    int Id, string Slug, string Name, string Description, string AreaName, string AreaSlug,
    List<SkillPersonaRow> Personas)
{
    /// <summary>The first <see cref="LinkedTools.Shown"/> linked tools, the most found helpful first, then by name.</summary>
    public List<SkillToolRow> Tools { get; init; } = [];

    /// <summary>How many published tools are linked to this skill in all.</summary>
    public int ToolCount { get; init; }
}

public record SkillPersonaRow(string Slug, string Name, string Role, string LevelName, int LevelOrder, string Why);

public record SkillToolRow(string Slug, string Name, string Summary);
