namespace PersonaCatalogue.Core.Data.Entities;

public class Persona
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string Name { get; set; }
    public required string Role { get; set; }
    public string Summary { get; set; } = "";

    /// <summary>Markdown.</summary>
    public string Description { get; set; } = "";
    public List<string> Goals { get; set; } = [];
    public List<string> NeedsToKnow { get; set; } = [];

    /// <summary>Written for this catalogue: the ODI's personas have no such section (see <c>ContentSources</c>).</summary>
    public List<string> Frustrations { get; set; } = [];
    public int Iteration { get; set; } = 1;

    /// <summary>Null when no source or review records it: shown as "Not recorded", never guessed.</summary>
    public DateOnly? LastReviewedOn { get; set; }
    public int Order { get; set; }
    public List<PersonaIteration> Iterations { get; set; } = [];
    public List<PersonaSkill> Skills { get; set; } = [];
    public List<PersonaTool> Tools { get; set; } = [];
}
