using PersonaCatalogue.Core.Data.Entities;

namespace PersonaCatalogue.Core.Catalogue;

/// <summary>
/// How close a persona is to a person's own answers: <see cref="Matches"/> is the number of skills where the answer is
/// the level the persona needs (a skill the persona does not need matches "new to this"); <see cref="Steps"/> adds up
/// how far apart the two are on every skill (new to this, aware of it, can do it are one step apart).
/// <see cref="MatchedNeeds"/> are the skills the persona needs that the answers match, in framework order.
/// </summary>
public record PersonaCloseness(PersonaNeeds Persona, int Matches, int Steps, List<FrameworkSkill> MatchedNeeds);

/// <summary>Why the closest persona came first when another matched as many skills.</summary>
public enum TieBreak
{
    /// <summary>No other persona matched as many skills.</summary>
    None,

    /// <summary>Another matched as many, but the answers are fewer steps from the first.</summary>
    FewerSteps,

    /// <summary>Another matched as many with as many steps; the catalogue's persona order decided.</summary>
    CatalogueOrder,
}

/// <summary>"Start here" holds the gaps where the persona needs awareness; "next" those where it needs a practitioner.</summary>
public enum PlanStage
{
    StartHere,
    Next,
}

/// <summary>A skill where the person's answer is below what the persona needs.</summary>
public record SkillGap(FrameworkSkill Skill, SkillDepth Yours, SkillDepth Needed, PlanStage Stage);

/// <summary>The self-assessment's rules: which personas are closest to someone, and what they should learn next.</summary>
public static class LearningPlan
{
    /// <summary>
    /// Every persona, closest first: most skills matched, then fewest steps apart, then the catalogue's order.
    /// A skill without an answer counts as "new to this".
    /// </summary>
    public static List<PersonaCloseness> Closest(IReadOnlyList<FrameworkSkill> skills, IReadOnlyList<PersonaNeeds> personas, IReadOnlyDictionary<string, SkillDepth> answers) =>
        personas
            .Select((persona, order) =>
            {
                var matched = skills.Where(s => Answer(answers, s) == persona.Need(s.Slug)).ToList();
                var steps = skills.Sum(s => Math.Abs((int)Answer(answers, s) - (int)persona.Need(s.Slug)));
                return (Closeness: new PersonaCloseness(persona, matched.Count, steps, matched.Where(s => persona.Need(s.Slug) != SkillDepth.None).ToList()), Order: order);
            })
            .OrderByDescending(p => p.Closeness.Matches).ThenBy(p => p.Closeness.Steps).ThenBy(p => p.Order)
            .Select(p => p.Closeness)
            .ToList();

    /// <summary>How the first of <paramref name="ranked"/> (from <see cref="Closest"/>) came before the second.</summary>
    public static TieBreak HowFirstWon(IReadOnlyList<PersonaCloseness> ranked) =>
        ranked.Count < 2 || ranked[0].Matches > ranked[1].Matches ? TieBreak.None
        : ranked[0].Steps < ranked[1].Steps ? TieBreak.FewerSteps
        : TieBreak.CatalogueOrder;

    /// <summary>
    /// The skills where the answer is below the persona's level: "start here" (awareness needed) first, then "next"
    /// (practitioner needed), each in the framework's order. A skill without an answer counts as "new to this".
    /// </summary>
    public static List<SkillGap> Gaps(IReadOnlyList<FrameworkSkill> skills, PersonaNeeds persona, IReadOnlyDictionary<string, SkillDepth> answers) =>
        skills
            .Select(s => new { Skill = s, Yours = Answer(answers, s), Needed = persona.Need(s.Slug) })
            .Where(s => s.Yours < s.Needed)
            .Select(s => new SkillGap(s.Skill, s.Yours, s.Needed, s.Needed == SkillDepth.Awareness ? PlanStage.StartHere : PlanStage.Next))
            .OrderBy(g => g.Stage)
            .ToList();

    /// <summary>
    /// The kinds of tool in the order a plan suggests them: reading, learning and working through a canvas before
    /// joining in, then standards and data, then services and software.
    /// </summary>
    public static readonly IReadOnlyList<ToolKind> KindOrder =
    [
        ToolKind.Guide, ToolKind.Course, ToolKind.CanvasOrTemplate, ToolKind.Community,
        ToolKind.DataStandard, ToolKind.DataPortal, ToolKind.WebService, ToolKind.Software,
    ];

    /// <summary>
    /// Tools for a skill needed at <paramref name="needed"/>, in the plan's order: those said to suit that level first,
    /// then those with no level given, then those said to suit another level; within each, by kind
    /// (<see cref="KindOrder"/>), then free before paid, then by name.
    /// </summary>
    public static List<T> OrderTools<T>(
        IEnumerable<T> tools, SkillDepth needed, Func<T, SkillDepth?> level, Func<T, ToolKind> kind, Func<T, ToolCost> cost, Func<T, string> name) =>
        tools
            .OrderBy(t => level(t) is not { } suits ? 1 : suits == needed ? 0 : 2)
            .ThenBy(t => KindRank(kind(t))).ThenBy(t => cost(t)).ThenBy(t => name(t), StringComparer.OrdinalIgnoreCase)
            .ToList();

    private static int KindRank(ToolKind kind)
    {
        var rank = KindOrder.ToList().IndexOf(kind);
        return rank < 0 ? KindOrder.Count : rank;
    }

    private static SkillDepth Answer(IReadOnlyDictionary<string, SkillDepth> answers, FrameworkSkill skill) =>
        answers.GetValueOrDefault(skill.Slug, SkillDepth.None);
}
