namespace PersonaCatalogue.Core.Data.Entities;

public class PersonaSkill
{
    public int PersonaId { get; set; }
    public Persona Persona { get; set; } = null!;
    public int SkillId { get; set; }
    public Skill Skill { get; set; } = null!;
    public int SkillLevelId { get; set; }
    public SkillLevel Level { get; set; } = null!;
    public string Why { get; set; } = "";
}
