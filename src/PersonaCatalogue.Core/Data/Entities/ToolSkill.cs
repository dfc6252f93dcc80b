namespace PersonaCatalogue.Core.Data.Entities;

public class ToolSkill
{
    public int ToolId { get; set; }
    public Tool Tool { get; set; } = null!;
    public int SkillId { get; set; }
    public Skill Skill { get; set; } = null!;
}
