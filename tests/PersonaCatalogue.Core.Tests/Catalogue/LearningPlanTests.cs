using PersonaCatalogue.Core.Catalogue;
using PersonaCatalogue.Core.Data.Entities;
using static PersonaCatalogue.Core.Catalogue.SkillDepth;

namespace PersonaCatalogue.Core.Tests.Catalogue;

/// <summary>The closeness rule and the gap list on hand-made personas: no database, no web.</summary>
public class LearningPlanTests
{
    private static readonly List<FrameworkSkill> _skills =
    [
        new("read", "Reading", "basics", ""),
        new("write", "Writing", "basics", ""),
        new("count", "Counting", "numbers", ""),
        new("chart", "Charting", "numbers", ""),
    ];

    private static PersonaNeeds Persona(string slug, params (string Skill, SkillDepth Depth)[] needs) =>
        new(slug, slug.ToUpperInvariant(), "Role", needs.ToDictionary(n => n.Skill, n => n.Depth));

    private static Dictionary<string, SkillDepth> Answers(SkillDepth read, SkillDepth write, SkillDepth count, SkillDepth chart) =>
        new() { ["read"] = read, ["write"] = write, ["count"] = count, ["chart"] = chart };

    private static void AssertRanked(List<PersonaCloseness> ranked, (string Slug, int Matches, int Steps)[] expected, TieBreak tieBreak)
    {
        Assert.Equal(expected, ranked.Select(r => (r.Persona.Slug, r.Matches, r.Steps)));
        Assert.Equal(tieBreak, LearningPlan.HowFirstWon(ranked));
    }

    [Fact]
    public void Closest_MostMatchesFirst_CountingSkillsNotNeededAsNewToThis()
    {
        var reader = Persona("reader", ("read", Practitioner), ("write", Awareness));
        var counter = Persona("counter", ("count", Practitioner), ("chart", Practitioner));

        var ranked = LearningPlan.Closest(_skills, [reader, counter], Answers(None, None, Practitioner, Awareness));

        // counter: read, write (not needed, new), count (practitioner) match; chart is one step short.
        // reader: read and write are below its levels, count and chart above what it needs: nothing matches.
        AssertRanked(ranked, [("counter", 3, 1), ("reader", 0, 6)], TieBreak.None);
        Assert.Equal(["count"], ranked[0].MatchedNeeds.Select(s => s.Slug));
    }

    [Fact]
    public void Closest_TieOnMatches_FewerStepsComesFirst()
    {
        // Both match read and write; on count, "near" is one step away and "far" two.
        var far = Persona("far", ("count", Practitioner), ("chart", Practitioner));
        var near = Persona("near", ("count", Awareness), ("chart", Practitioner));

        var ranked = LearningPlan.Closest(_skills, [far, near], Answers(None, None, None, Practitioner));

        AssertRanked(ranked, [("near", 3, 1), ("far", 3, 2)], TieBreak.FewerSteps);
    }

    [Fact]
    public void Closest_TieOnMatchesAndSteps_CatalogueOrderDecides()
    {
        var first = Persona("first", ("read", Awareness));
        var second = Persona("second", ("write", Awareness));

        var ranked = LearningPlan.Closest(_skills, [first, second], Answers(None, None, None, None));

        AssertRanked(ranked, [("first", 3, 1), ("second", 3, 1)], TieBreak.CatalogueOrder);
    }

    [Fact]
    public void PersonCanDoEverything_NoGapsAgainstAnyPersona_ClosestNeedsMostAsPractitioner()
    {
        var light = Persona("light", ("read", Awareness));
        var heavy = Persona("heavy", ("read", Practitioner), ("write", Practitioner), ("count", Practitioner));
        var everything = Answers(Practitioner, Practitioner, Practitioner, Practitioner);

        Assert.Empty(LearningPlan.Gaps(_skills, light, everything));
        Assert.Empty(LearningPlan.Gaps(_skills, heavy, everything));
        var ranked = LearningPlan.Closest(_skills, [light, heavy], everything);
        Assert.Equal("heavy", ranked[0].Persona.Slug);
        Assert.Equal(3, ranked[0].Matches);
    }

    [Fact]
    public void PersonNewToEverything_EveryNeedIsAGap_AwarenessFirstThenPractitioner_InFrameworkOrder()
    {
        var persona = Persona("mixed", ("chart", Awareness), ("read", Practitioner), ("count", Awareness), ("write", Practitioner));

        var gaps = LearningPlan.Gaps(_skills, persona, Answers(None, None, None, None));

        Assert.Equal(
            [("count", PlanStage.StartHere), ("chart", PlanStage.StartHere), ("read", PlanStage.Next), ("write", PlanStage.Next)],
            gaps.Select(g => (g.Skill.Slug, g.Stage)));
        Assert.All(gaps, g => Assert.Equal(None, g.Yours));
        Assert.Equal([Awareness, Awareness, Practitioner, Practitioner], gaps.Select(g => g.Needed));
    }

    [Fact]
    public void PersonNewToEverything_ClosestIsThePersonaThatNeedsLeast()
    {
        var many = Persona("many", ("read", Awareness), ("write", Awareness));
        var one = Persona("one", ("read", Awareness));

        var ranked = LearningPlan.Closest(_skills, [many, one], Answers(None, None, None, None));

        Assert.Equal("one", ranked[0].Persona.Slug);
        Assert.Equal(3, ranked[0].Matches);
        Assert.Empty(ranked[0].MatchedNeeds);
    }

    [Fact]
    public void Gaps_AwareOfAPractitionerSkill_IsANextGap_MetOrExceededIsNone()
    {
        var persona = Persona("p", ("read", Practitioner), ("write", Awareness), ("count", Awareness));

        var gaps = LearningPlan.Gaps(_skills, persona, Answers(Awareness, Awareness, Practitioner, Practitioner));

        var gap = Assert.Single(gaps);
        Assert.Equal(("read", Awareness, Practitioner, PlanStage.Next), (gap.Skill.Slug, gap.Yours, gap.Needed, gap.Stage));
    }

    [Fact]
    public void Gaps_SkillWithoutAnAnswer_CountsAsNewToThis()
    {
        var persona = Persona("p", ("read", Awareness));

        var gap = Assert.Single(LearningPlan.Gaps(_skills, persona, new Dictionary<string, SkillDepth>()));

        Assert.Equal(("read", None, PlanStage.StartHere), (gap.Skill.Slug, gap.Yours, gap.Stage));
    }

    [Fact]
    public void OrderTools_GuidesCoursesAndCanvasesBeforeSoftware_FreeBeforePaid_ThenName()
    {
        (string Name, ToolKind Kind, ToolCost Cost)[] tools =
        [
            ("Spreadsheet", ToolKind.Software, ToolCost.Free),
            ("Paid guide", ToolKind.Guide, ToolCost.Paid),
            ("Canvas", ToolKind.CanvasOrTemplate, ToolCost.Free),
            ("b guide", ToolKind.Guide, ToolCost.Free),
            ("A guide", ToolKind.Guide, ToolCost.Free),
            ("Portal", ToolKind.DataPortal, ToolCost.Free),
            ("Course", ToolKind.Course, ToolCost.Freemium),
            ("Service", ToolKind.WebService, ToolCost.Paid),
            ("Meetup", ToolKind.Community, ToolCost.Free),
            ("Standard", ToolKind.DataStandard, ToolCost.Free),
        ];

        var ordered = LearningPlan.OrderTools(tools, Awareness, _ => null, t => t.Kind, t => t.Cost, t => t.Name);

        Assert.Equal(
            ["A guide", "b guide", "Paid guide", "Course", "Canvas", "Meetup", "Standard", "Portal", "Service", "Spreadsheet"],
            ordered.Select(t => t.Name));
    }

    [Fact]
    public void OrderTools_ToolsForTheLevelNeededFirst_ThenNoLevelGiven_ThenAnotherLevel()
    {
        (string Name, ToolKind Kind, SkillDepth? Level)[] tools =
        [
            ("Deep guide", ToolKind.Guide, Practitioner),
            ("Plain guide", ToolKind.Guide, null),
            ("Light software", ToolKind.Software, Awareness),
            ("Plain course", ToolKind.Course, null),
            ("Light guide", ToolKind.Guide, Awareness),
        ];

        Assert.Equal(
            ["Light guide", "Light software", "Plain guide", "Plain course", "Deep guide"],
            LearningPlan.OrderTools(tools, Awareness, t => t.Level, t => t.Kind, _ => ToolCost.Free, t => t.Name).Select(t => t.Name));
        Assert.Equal(
            ["Deep guide", "Plain guide", "Plain course", "Light guide", "Light software"],
            LearningPlan.OrderTools(tools, Practitioner, t => t.Level, t => t.Kind, _ => ToolCost.Free, t => t.Name).Select(t => t.Name));
    }

    [Theory]
    [InlineData("Explain what data is. Know the difference.", "Explain what data is.")]
    [InlineData("One sentence only.", "One sentence only.")]
    [InlineData("  Spread over\nlines. Then more.\n", "Spread over lines.")]
    public void FirstSentence_IsTheHint(string description, string hint) =>
        Assert.Equal(hint, SkillNeeds.FirstSentence(description));
}
