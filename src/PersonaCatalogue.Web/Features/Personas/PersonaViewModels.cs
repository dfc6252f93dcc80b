using PersonaCatalogue.Core.Data;
using PersonaCatalogue.Web.Features.Feedback;
using PersonaCatalogue.Web.Features.Tools;

namespace PersonaCatalogue.Web.Features.Personas;

/// <summary>A persona as a card on the home page and the personas list.</summary>
public record PersonaCard(string Slug, string Name, string Role, string Summary, int SkillCount, int Iteration)
{
    public static IQueryable<PersonaCard> Query(CatalogueDbContext db) =>
        db.Personas.AsQueryable()
            .OrderBy(p => p.Order).ThenBy(p => p.Name)
            .Select(p => new PersonaCard(p.Slug, p.Name, p.Role, p.Summary, p.Skills.Count, p.Iteration));
}

public record PersonaDetail(
    int Id,
    string Slug,
    string Name,
    string Role,
    string Summary,
    string Description,
    List<string> Goals,
    List<string> NeedsToKnow,
    List<string> Frustrations,
    int Iteration,
    DateOnly? LastReviewedOn,
    List<PersonaSkillRow> Skills,
    List<PersonaIterationRow> Iterations)
{
    /// <summary>The first <see cref="LinkedTools.Shown"/> recommended tools, the most found helpful first, then by name.</summary>
    public List<PersonaToolRow> Tools { get; init; } = [];

    /// <summary>How many published tools are recommended for this persona in all.</summary>
    public int ToolCount { get; init; }

    public IEnumerable<IGrouping<string, PersonaSkillRow>> SkillsByArea => Skills.GroupBy(s => s.AreaName);

    /// <summary>Counts and published comments on the current iteration, loaded after the persona.</summary>
    public PersonaFeedbackSection? Feedback { get; init; }
}

public record PersonaSkillRow(string AreaName, string AreaSlug, string SkillSlug, string SkillName, string LevelName, int LevelOrder, string Why);

public record PersonaToolRow(string Slug, string Name, string Summary, string Why);

public record PersonaIterationRow(int Number, DateOnly? PublishedOn, string ChangeNotes);
