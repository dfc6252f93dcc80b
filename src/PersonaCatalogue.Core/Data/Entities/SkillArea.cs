namespace PersonaCatalogue.Core.Data.Entities;

public class SkillArea
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string Name { get; set; }
    public string Description { get; set; } = "";
    public int Order { get; set; }
    public List<Skill> Skills { get; set; } = [];
}
