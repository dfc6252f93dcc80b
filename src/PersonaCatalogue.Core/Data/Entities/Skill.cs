namespace PersonaCatalogue.Core.Data.Entities;

public class Skill
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string Name { get; set; }

    /// <summary>Markdown.</summary>
    public string Description { get; set; } = "";
    public int Order { get; set; }
    public int SkillAreaId { get; set; }
    public SkillArea Area { get; set; } = null!;
    public List<PersonaSkill> Personas { get; set; } = [];
    public List<ToolSkill> Tools { get; set; } = [];
}
