namespace PersonaCatalogue.Core.Data.Entities;

/// <summary>One published iteration of a persona: what changed and why. Feedback is tied to the iteration it was given on.</summary>
public class PersonaIteration
{
    public int Id { get; set; }
    public int PersonaId { get; set; }
    public Persona Persona { get; set; } = null!;
    public int Number { get; set; }

    /// <summary>Null when no source gives the date (the ODI's first two iterations): shown as "Not recorded".</summary>
    public DateOnly? PublishedOn { get; set; }
    public string ChangeNotes { get; set; } = "";
}
