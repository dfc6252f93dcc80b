namespace PersonaCatalogue.Core.Data.Entities;

/// <summary>The depth at which a persona needs a skill (2019 framework: awareness, practitioner).</summary>
public class SkillLevel
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string Name { get; set; }
    public string Description { get; set; } = "";
    public int Order { get; set; }
}
