using Microsoft.EntityFrameworkCore;
using PersonaCatalogue.Core.Data;

namespace PersonaCatalogue.Core.Catalogue;

/// <summary>
/// How deep a skill goes. A persona needs a skill at <see cref="Awareness"/> or <see cref="Practitioner"/> (the 2019
/// framework's two levels) or not at all; a person rates themselves on the same scale: new to it, aware of it, can do it.
/// </summary>
public enum SkillDepth
{
    None = 0,
    Awareness = 1,
    Practitioner = 2,
}

/// <summary>A skill of the framework as the self-assessment asks about it: <paramref name="Hint"/> is its description's first sentence.</summary>
public record FrameworkSkill(string Slug, string Name, string AreaSlug, string Hint);

public record FrameworkArea(string Slug, string Name, List<FrameworkSkill> Skills);

/// <summary>A persona and the depth at which it needs each skill it needs (skills it does not need are absent).</summary>
public record PersonaNeeds(string Slug, string Name, string Role, IReadOnlyDictionary<string, SkillDepth> Needs)
{
    public SkillDepth Need(string skillSlug) => Needs.GetValueOrDefault(skillSlug, SkillDepth.None);
}

/// <summary>
/// The framework's areas and skills (areas without skills left out) and every persona's levels, in the catalogue's
/// order: what the self-assessment, its plan and the personas-by-skills matrix are computed from.
/// </summary>
public record SkillNeeds(List<FrameworkArea> Areas, List<PersonaNeeds> Personas, VocabularyTerm Awareness, VocabularyTerm Practitioner)
{
    public List<FrameworkSkill> Skills { get; } = Areas.SelectMany(a => a.Skills).ToList();

    /// <summary>The framework's name for a level a persona needs (not for <see cref="SkillDepth.None"/>).</summary>
    public string LevelName(SkillDepth depth) => Level(depth).Label;

    public string LevelSlug(SkillDepth depth) => Level(depth).Value;

    /// <summary>The depth a level slug stands for, or null for no level or one the framework does not have.</summary>
    public SkillDepth? DepthOf(string? levelSlug) =>
        levelSlug == Awareness.Value ? SkillDepth.Awareness : levelSlug == Practitioner.Value ? SkillDepth.Practitioner : null;

    private VocabularyTerm Level(SkillDepth depth) => depth == SkillDepth.Practitioner ? Practitioner : Awareness;

    public static async Task<SkillNeeds> LoadAsync(CatalogueDbContext db, CancellationToken cancellationToken)
    {
        var areas = await db.SkillAreas.AsNoTracking()
            .OrderBy(a => a.Order)
            .Select(a => new { a.Slug, a.Name, Skills = a.Skills.OrderBy(s => s.Order).Select(s => new { s.Slug, s.Name, s.Description }).ToList() })
            .ToListAsync(cancellationToken);
        var levels = await db.SkillLevels.AsNoTracking().OrderBy(l => l.Order).Select(l => new { l.Id, l.Slug, l.Name }).ToListAsync(cancellationToken);
        var personas = await db.Personas.AsNoTracking().OrderBy(p => p.Order).Select(p => new { p.Id, p.Slug, p.Name, p.Role }).ToListAsync(cancellationToken);
        var links = await db.PersonaSkills.AsNoTracking().Select(ps => new { ps.PersonaId, SkillSlug = ps.Skill.Slug, ps.SkillLevelId }).ToListAsync(cancellationToken);

        // The framework file lists its levels from shallow to deep; the first is awareness, any deeper one practitioner.
        var depthOfLevel = levels.Select((l, index) => (l.Id, Depth: index == 0 ? SkillDepth.Awareness : SkillDepth.Practitioner))
            .ToDictionary(l => l.Id, l => l.Depth);
        return new SkillNeeds(
            areas.Where(a => a.Skills.Count > 0)
                .Select(a => new FrameworkArea(a.Slug, a.Name, a.Skills.Select(s => new FrameworkSkill(s.Slug, s.Name, a.Slug, FirstSentence(s.Description))).ToList()))
                .ToList(),
            personas.Select(p => new PersonaNeeds(
                    p.Slug, p.Name, p.Role,
                    links.Where(l => l.PersonaId == p.Id).ToDictionary(l => l.SkillSlug, l => depthOfLevel[l.SkillLevelId], StringComparer.Ordinal)))
                .ToList(),
            levels.Take(1).Select(l => new VocabularyTerm(l.Slug, l.Name)).FirstOrDefault() ?? new VocabularyTerm("awareness", "Awareness"),
            levels.Skip(1).Select(l => new VocabularyTerm(l.Slug, l.Name)).LastOrDefault() ?? new VocabularyTerm("practitioner", "Practitioner"));
    }

    /// <summary>The first sentence of a skill's description, short enough for a hint under a question.</summary>
    public static string FirstSentence(string description)
    {
        var text = description.Trim().ReplaceLineEndings(" ");
        var end = text.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? text : text[..(end + 1)];
    }
}

/// <summary>The skill needs kept in memory: only an import changes persona levels or the framework.</summary>
public sealed class CatalogueSkillNeeds : CachedUntilImport<SkillNeeds>
{
    protected override Task<SkillNeeds> LoadAsync(CatalogueDbContext db, CancellationToken cancellationToken) =>
        SkillNeeds.LoadAsync(db, cancellationToken);
}
