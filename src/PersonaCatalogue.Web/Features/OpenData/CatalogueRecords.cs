using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using PersonaCatalogue.Core.Catalogue;
using PersonaCatalogue.Core.Data;
using PersonaCatalogue.Core.Data.Entities;
using PersonaCatalogue.Web.Features.Feedback;

namespace PersonaCatalogue.Web.Features.OpenData;

/// <summary>
/// The catalogue as open data: one record type per entity, with stable snake_case field names documented on /data.
/// Used by the downloads and by the read API, so both always say the same thing.
/// </summary>
public static class CatalogueRecords
{
    public static IQueryable<PersonaRecord> Personas(IQueryable<Persona> personas) =>
        personas.AsNoTracking()
            .OrderBy(p => p.Order)
            .Select(p => new PersonaRecord(
                p.Slug, p.Name, p.Role, p.Summary, p.Description, ContentSources.PersonaProfile, p.Goals, p.NeedsToKnow,
                p.Frustrations, ContentSources.PersonaFrustrations, p.Iteration, p.LastReviewedOn,
                p.Skills.OrderBy(s => s.Skill.Area.Order).ThenBy(s => s.Skill.Order)
                    .Select(s => new PersonaSkillRecord(
                        s.Skill.Slug, s.Skill.Name, s.Skill.Area.Slug, ContentSources.PersonaSkillList,
                        s.Level.Slug, ContentSources.PersonaSkillLevel, s.Why, ContentSources.PersonaSkillWhy)).ToList(),
                p.Tools.Where(t => t.Tool.Status == ToolStatus.Published).OrderBy(t => t.Tool.Name)
                    .Select(t => new PersonaToolRecord(t.Tool.Slug, t.Tool.Name, t.Why, ContentSources.PersonaTool)).ToList()))
            .AsSplitQuery();

    public static IQueryable<SkillRecord> Skills(IQueryable<Skill> skills) =>
        skills.AsNoTracking()
            .OrderBy(s => s.Area.Order).ThenBy(s => s.Order)
            .Select(s => new SkillRecord(
                s.Slug, s.Name, s.Area.Slug, s.Area.Name, s.Order, s.Description,
                s.Personas.OrderBy(p => p.Persona.Order).Select(p => new SkillPersonaRecord(p.Persona.Slug, p.Level.Slug)).ToList(),
                s.Tools.Where(t => t.Tool.Status == ToolStatus.Published).OrderBy(t => t.Tool.Slug).Select(t => t.Tool.Slug).ToList()))
            .AsSplitQuery();

    public static IQueryable<ToolRecord> Tools(IQueryable<Tool> tools) =>
        tools.AsNoTracking()
            .Select(t => new ToolRecord(
                t.Slug, t.Name, t.Url, t.Summary, t.Description,
                ToolTerms.Slug(t.Kind), ToolTerms.Slug(t.Cost), t.IsOpen, t.Publisher, t.AddedAt, t.LastReviewedAt,
                t.Skills.OrderBy(s => s.Skill.Slug).Select(s => s.Skill.Slug).ToList(), ContentSources.ToolSkills,
                t.Personas.OrderBy(p => p.Persona.Order).Select(p => new ToolPersonaRecord(p.Persona.Slug, p.Why, ContentSources.PersonaTool)).ToList()))
            .AsSplitQuery();

    /// <summary>
    /// Answers to "Did this tool help you?" for every published tool, spam left out, zeros where nobody answered.
    /// Only counts: never what anyone wrote.
    /// </summary>
    public static async Task<List<ToolHelpfulnessRecord>> ToolHelpfulnessAsync(CatalogueDbContext db, CancellationToken cancellationToken)
    {
        var counts = await ToolHelpfulness.ForAllToolsAsync(db, cancellationToken);
        var tools = await db.Tools.AsNoTracking()
            .Where(t => t.Status == ToolStatus.Published)
            .OrderBy(t => t.Slug)
            .Select(t => new { t.Slug, t.Name })
            .ToListAsync(cancellationToken);
        return tools
            .Select(t => (t, c: counts.GetValueOrDefault(t.Slug, ToolHelpfulness.None)))
            .Select(x => new ToolHelpfulnessRecord(x.t.Slug, x.t.Name, x.c.Answered, x.c.Helped, x.c.Answered - x.c.Helped))
            .ToList();
    }

    /// <summary>The levels and areas the records refer to, for the skills download's documentation and the API.</summary>
    public static async Task<FrameworkRecord> FrameworkAsync(CatalogueDbContext db, CancellationToken cancellationToken) => new(
        await db.SkillAreas.AsNoTracking().OrderBy(a => a.Order).Select(a => new AreaRecord(a.Slug, a.Name, a.Description)).ToListAsync(cancellationToken),
        await db.SkillLevels.AsNoTracking().OrderBy(l => l.Order).Select(l => new LevelRecord(l.Slug, l.Name, l.Description)).ToListAsync(cancellationToken));

    /// <summary>
    /// When the catalogue content last changed, as far as the data records it: a tool added or reviewed, or a persona
    /// reviewed. Used for Last-Modified; the ETag covers every byte, so an edit without a review still changes it.
    /// </summary>
    public static async Task<DateTime> LastChangedAsync(CatalogueDbContext db, CancellationToken cancellationToken)
    {
        var tool = await db.Tools.MaxAsync(t => (DateTime?)t.LastReviewedAt, cancellationToken) ?? DateTime.UnixEpoch;
        var added = await db.Tools.MaxAsync(t => (DateTime?)t.AddedAt, cancellationToken) ?? DateTime.UnixEpoch;
        var persona = await db.Personas.MaxAsync(p => (DateOnly?)p.LastReviewedOn, cancellationToken);
        var personaAt = persona?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) ?? DateTime.UnixEpoch;
        return new[] { tool, added, personaAt }.Max();
    }
}

public record PersonaRecord(
    string Slug, string Name, string Role, string Summary,
    [property: JsonPropertyName("description_markdown")] string Description,
    string Source, List<string> Goals, List<string> NeedsToKnow, List<string> Frustrations, string FrustrationsSource, int Iteration,
    DateOnly? LastReviewed, List<PersonaSkillRecord> Skills, List<PersonaToolRecord> Tools);

/// <summary>
/// <c>source</c> says who lists the skill for the persona (the ODI); <c>level_source</c> and <c>why_source</c> say who
/// wrote the level and the reason (this catalogue). Values: "odi" or "catalogue" (<see cref="ContentSources"/>).
/// </summary>
public record PersonaSkillRecord(string Skill, string SkillName, string Area, string Source, string Level, string LevelSource, string Why, string WhySource);

public record PersonaToolRecord(string Tool, string ToolName, string Why, string Source);

public record SkillRecord(
    string Slug, string Name, string Area, string AreaName, int Order,
    [property: JsonPropertyName("description_markdown")] string Description,
    List<SkillPersonaRecord> Personas, List<string> Tools);

public record SkillPersonaRecord(string Persona, string Level);

public record ToolRecord(
    string Slug, string Name, string Url, string Summary,
    [property: JsonPropertyName("description_markdown")] string Description,
    string Kind, string Cost, bool? Open, string Publisher, DateTime Added, DateTime? LastReviewed,
    List<string> Skills, string SkillsSource, List<ToolPersonaRecord> Personas);

public record ToolPersonaRecord(string Persona, string Why, string Source);

public record ToolHelpfulnessRecord(string Tool, string ToolName, int Answered, int Helped, int NotHelped);

public record AreaRecord(string Slug, string Name, string Description);

public record LevelRecord(string Slug, string Name, string Description);

public record FrameworkRecord(List<AreaRecord> Areas, List<LevelRecord> Levels);
