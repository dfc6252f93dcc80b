namespace PersonaCatalogue.Core.Data.Entities;

public class PersonaTool
{
    public int PersonaId { get; set; }
    public Persona Persona { get; set; } = null!;
    public int ToolId { get; set; }
    public Tool Tool { get; set; } = null!;
    public string Why { get; set; } = "";
}
