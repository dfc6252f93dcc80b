using PersonaCatalogue.Core.Data.Entities;

namespace PersonaCatalogue.Core.Import;

/// <summary>The content of a <c>seed-data/</c> folder, read and checked, ready to upsert.</summary>
public record SeedCatalogue(
    IReadOnlyList<SeedLevel> Levels,
    IReadOnlyList<SeedArea> Areas,
    IReadOnlyList<SeedPersona> Personas,
    IReadOnlyList<SeedTool> Tools);

public record SeedLevel(string Slug, string Name, string Description);

public record SeedArea(string Slug, string Name, string Description, IReadOnlyList<SeedSkill> Skills);

public record SeedSkill(string Slug, string Name, string Description);

public record SeedPersona(
    string Slug,
    string Name,
    string Role,
    string Summary,
    string Description,
    List<string> Goals,
    List<string> NeedsToKnow,
    List<string> Frustrations,
    int Iteration,
    DateOnly? LastReviewedOn,
    IReadOnlyList<SeedPersonaSkill> Skills,
    IReadOnlyList<SeedIteration> Changes);

public record SeedPersonaSkill(string Skill, string Level, string Why);

/// <summary>One iteration; <see cref="Date"/> is null when no source gives it.</summary>
public record SeedIteration(int Number, DateOnly? Date, string Notes);

public record SeedTool(
    string Slug,
    string Name,
    string Url,
    string Summary,
    string Description,
    ToolKind Kind,
    ToolCost Cost,
    bool? IsOpen,
    string Publisher,
    DateOnly? LastReviewed,
    IReadOnlyList<string> Skills,
    IReadOnlyList<SeedToolPersona> Personas,
    IReadOnlyList<SeedToolSkillLevel>? SkillLevels = null);

/// <summary>The level of one of a tool's skills that the tool suits, given only where a source says so.</summary>
public record SeedToolSkillLevel(string Skill, string Level);

public record SeedToolPersona(string Persona, string Why);
