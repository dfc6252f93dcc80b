using Microsoft.AspNetCore.Cors;
using Microsoft.AspNetCore.Mvc;
using PersonaCatalogue.Core.Catalogue;
using PersonaCatalogue.Core.Data;

namespace PersonaCatalogue.Web.Features.OpenData;

/// <summary>The personas-by-skills matrix (/skills/matrix) as open data.</summary>
[Route("data")]
public class PersonaSkillsController(CatalogueDbContext db, CatalogueSkillNeeds skillNeeds) : Controller
{
    [HttpGet("persona-skills.{format:regex(^(json|csv)$)}")]
    [EnableCors(OpenDataCors.Policy)]
    public async Task<IActionResult> PersonaSkills(string format, CancellationToken cancellationToken)
    {
        var needs = await skillNeeds.GetAsync(db, cancellationToken);
        var lastChanged = await CatalogueRecords.LastChangedAsync(db, cancellationToken);
        var rows = needs.Areas.SelectMany(a => a.Skills.Select(s => new PersonaSkillsRow(
                s.Slug, s.Name, a.Slug, a.Name,
                needs.Personas.Select(p => new PersonaLevelRecord(p.Slug, p.Need(s.Slug) == SkillDepth.None ? null : needs.LevelSlug(p.Need(s.Slug)))).ToList())))
            .ToList();
        if (format == "json")
        {
            return this.JsonWithValidators(
                new PersonaSkillsDownload(needs.Personas.Select(p => new PersonaNameRecord(p.Slug, p.Name, p.Role)).ToList(), rows), lastChanged);
        }

        return this.BytesWithValidators(CsvFiles.Write(
            ["skill", "skill_name", "area", "area_name", .. needs.Personas.Select(p => p.Slug)],
            rows.Select(r => (IReadOnlyList<string?>)[r.Skill, r.SkillName, r.Area, r.AreaName, .. r.Levels.Select(l => l.Level)])),
            "text/csv; charset=utf-8", lastChanged, "persona-skills.csv");
    }
}

public record PersonaSkillsDownload(List<PersonaNameRecord> Personas, List<PersonaSkillsRow> Skills);

public record PersonaNameRecord(string Slug, string Name, string Role);

/// <summary>One skill and, for every persona in order, the level it needs (null where it does not need the skill).</summary>
public record PersonaSkillsRow(string Skill, string SkillName, string Area, string AreaName, List<PersonaLevelRecord> Levels);

public record PersonaLevelRecord(string Persona, string? Level);
