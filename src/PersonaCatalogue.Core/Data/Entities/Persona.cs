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
    public List<string> Frustrations { get; set; } = [];
    public int Iteration { get; set; } = 1;
    public DateOnly LastReviewedOn { get; set; }
    public int Order { get; set; }
    public List<PersonaIteration> Iterations { get; set; } = [];
    public List<PersonaSkill> Skills { get; set; } = [];
    public List<PersonaTool> Tools { get; set; } = [];
}
