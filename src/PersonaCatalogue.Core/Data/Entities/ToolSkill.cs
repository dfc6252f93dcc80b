namespace PersonaCatalogue.Core.Data.Entities;

public class ToolSkill
{
    public int ToolId { get; set; }
    public Tool Tool { get; set; } = null!;
    public int SkillId { get; set; }
    public Skill Skill { get; set; } = null!;

    /// <summary>The level of the skill the tool suits, where a source says so; null (not known) otherwise.</summary>
    public int? SkillLevelId { get; set; }
    public SkillLevel? Level { get; set; }
}
