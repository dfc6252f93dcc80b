namespace PersonaCatalogue.Core.Data.Entities;

/// <summary>Feedback on a persona, tied to the iteration that was current when it was given.</summary>
public class PersonaFeedback : FeedbackItem
{
    public int PersonaId { get; set; }
    public Persona Persona { get; set; } = null!;

    /// <summary>The persona's <see cref="Entities.Persona.Iteration"/> when the feedback was given.</summary>
    public int Iteration { get; set; }
    public Usefulness Usefulness { get; set; }
    public RightPeople RightPeople { get; set; }
    public string? MissingOrWrong { get; set; }
    public string? HowWouldYouUseIt { get; set; }

    public override bool HasComment() => MissingOrWrong is not null || HowWouldYouUseIt is not null;
}

public enum Usefulness
{
    VeryUseful,
    SomewhatUseful,
    NotUseful,
}

public enum RightPeople
{
    Yes,
    Partly,
    No,
}
