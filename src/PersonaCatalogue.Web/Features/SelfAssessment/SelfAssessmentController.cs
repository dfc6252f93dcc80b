using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using PersonaCatalogue.Core.Catalogue;
using PersonaCatalogue.Core.Data;
using PersonaCatalogue.Core.Data.Entities;
using PersonaCatalogue.Web.Features.OpenData;
using PersonaCatalogue.Web.Features.Shared;
using PersonaCatalogue.Web.Infrastructure.PageCaching;

namespace PersonaCatalogue.Web.Features.SelfAssessment;

/// <summary>
/// "What should I learn next?": a start page, one page of questions per skill area, check your answers, and a
/// learning plan. Every form is a GET and the answers travel in the address (<see cref="AssessmentAnswers"/>), so
/// nothing is stored and no cookie is set.
/// </summary>
[Route(BasePath)]
public class SelfAssessmentController(CatalogueDbContext db, CatalogueSkillNeeds skillNeeds) : Controller
{
    public const string BasePath = "/self-assessment";
    public const string CheckPath = BasePath + "/check";
    public const string ResultPath = BasePath + "/result";
    public const string PlanCsvPath = BasePath + "/plan.csv";

    [HttpGet("")]
    [OutputCache(PolicyName = PublicPagePolicy.Name, Tags = [CataloguePages.SelfAssessment])]
    public async Task<IActionResult> Start(CancellationToken cancellationToken)
    {
        var framework = await skillNeeds.GetAsync(db, cancellationToken);
        return View("Start", new StartPage(framework, AreaPath(framework.Areas[0])));
    }

    // The route value is not called "area": MVC would take it for an MVC area and look for views there.
    [HttpGet("{areaSlug}")]
    [OutputCache(PolicyName = PublicPagePolicy.Name, Tags = [CataloguePages.SelfAssessment])]
    public async Task<IActionResult> Area(string areaSlug, CancellationToken cancellationToken)
    {
        var answers = AssessmentAnswers.Read(await skillNeeds.GetAsync(db, cancellationToken), Request.Query);
        var found = answers.Framework.Areas.FirstOrDefault(a => a.Slug == areaSlug);
        if (found is null)
        {
            return NotFound();
        }

        return View("Area", AreaPage.For(answers, found, found.Skills.Select((_, i) => answers.ValueFor(found, i)).ToList()));
    }

    /// <summary>Where an area's form goes: its answers are checked, then the next unanswered area, or check your answers.</summary>
    [HttpGet("{areaSlug}/next")]
    public async Task<IActionResult> Next(string areaSlug, CancellationToken cancellationToken)
    {
        var answers = AssessmentAnswers.Read(await skillNeeds.GetAsync(db, cancellationToken), Request.Query);
        var found = answers.Framework.Areas.FirstOrDefault(a => a.Slug == areaSlug);
        if (found is null)
        {
            return NotFound();
        }

        var values = found.Skills
            .Select(s => Request.Query[s.Slug] is { Count: 1 } given && AssessmentAnswers.Choices.Any(c => c.Value == given[0]) ? given[0] : null)
            .ToList();
        if (values.Any(v => v is null))
        {
            foreach (var skill in found.Skills.Where((_, i) => values[i] is null))
            {
                ModelState.AddModelError(skill.Slug, $"Select whether you are new to {skill.Name.ToLowerInvariant()}, aware of it or can do it");
            }

            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Area", AreaPage.For(answers, found, values));
        }

        var answered = answers.With(found, values!);
        return Redirect(answered.FirstUnanswered is { } next ? answered.Url(AreaPath(next)) : answered.Url(CheckPath));
    }

    [HttpGet("check")]
    [OutputCache(PolicyName = PublicPagePolicy.Name, Tags = [CataloguePages.SelfAssessment])]
    public async Task<IActionResult> Check(CancellationToken cancellationToken)
    {
        var answers = AssessmentAnswers.Read(await skillNeeds.GetAsync(db, cancellationToken), Request.Query);
        return answers.FirstUnanswered is null ? View("Check", answers) : Incomplete(answers);
    }

    [HttpGet("result")]
    [OutputCache(PolicyName = PublicPagePolicy.Name, Tags = [CataloguePages.SelfAssessment])]
    public async Task<IActionResult> Result(CancellationToken cancellationToken)
    {
        var answers = AssessmentAnswers.Read(await skillNeeds.GetAsync(db, cancellationToken), Request.Query);
        return answers.FirstUnanswered is null ? View("Result", await PlanAsync(answers, cancellationToken)) : Incomplete(answers);
    }

    /// <summary>The plan as CSV: one row per tool of each skill to learn (a row with no tool for a skill that has none).</summary>
    [HttpGet("plan.csv")]
    public async Task<IActionResult> PlanCsv(CancellationToken cancellationToken)
    {
        var answers = AssessmentAnswers.Read(await skillNeeds.GetAsync(db, cancellationToken), Request.Query);
        if (answers.FirstUnanswered is not null)
        {
            return Incomplete(answers);
        }

        var plan = await PlanAsync(answers, cancellationToken);
        var persona = plan.Chosen.Persona;
        var rows = plan.Items.SelectMany(item => (item.Tools.Count == 0 ? [null] : item.Tools.Select((t, i) => ((PlanTool Tool, int Order)?)(t, i + 1)))
            .Select(tool => (IReadOnlyList<string?>)
            [
                item.Gap.Stage == PlanStage.StartHere ? "start-here" : "next",
                item.Gap.Skill.Slug, item.Gap.Skill.Name,
                answers.Framework.Areas.Single(a => a.Slug == item.Gap.Skill.AreaSlug).Name,
                AssessmentAnswers.Choices.Single(c => c.Depth == item.Gap.Yours).Value,
                answers.Framework.LevelSlug(item.Gap.Needed),
                tool?.Order.ToString(CultureInfo.InvariantCulture), tool?.Tool.Slug, tool?.Tool.Name,
                tool is { } k ? ToolTerms.Slug(k.Tool.Kind) : null, tool is { } c ? ToolTerms.Slug(c.Tool.Cost) : null,
                tool?.Tool.Level is { } level ? answers.Framework.LevelSlug(level) : null,
            ]));
        var csv = CsvFiles.Write(
            ["persona", "stage", "skill", "skill_name", "area_name", "your_answer", "persona_level", "tool_order", "tool", "tool_name", "kind", "cost", "tool_level"],
            rows.Select(r => (IReadOnlyList<string?>)[persona.Slug, .. r]));
        return File(csv, "text/csv; charset=utf-8", $"learning-plan-{persona.Slug}.csv");
    }

    public static string AreaPath(FrameworkArea area) => $"{BasePath}/{area.Slug}";

    /// <summary>A tampered or half-filled address: a clear page that sends the person to the first area it lacks.</summary>
    private ViewResult Incomplete(AssessmentAnswers answers)
    {
        var first = answers.FirstUnanswered!;
        ModelState.AddModelError(IncompletePage.ContinueId, $"Answer the questions about {first.Name}");
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View("Incomplete", new IncompletePage(answers, first, answers.Url(AreaPath(first))));
    }

    private async Task<ResultPage> PlanAsync(AssessmentAnswers answers, CancellationToken cancellationToken)
    {
        var depths = answers.Depths();
        var framework = answers.Framework;
        var ranked = LearningPlan.Closest(framework.Skills, framework.Personas, depths);
        var chosen = ranked.FirstOrDefault(p => p.Persona.Slug == Request.Query[AssessmentAnswers.PersonaParameter]) ?? ranked[0];
        var gaps = LearningPlan.Gaps(framework.Skills, chosen.Persona, depths);

        // Tools change with moderation, on any instance of the site, so they are read here rather than kept in memory
        // (the page itself is cached, and evicted when tools change).
        var skillSlugs = gaps.Select(g => g.Skill.Slug).ToList();
        var links = await db.ToolSkills.AsNoTracking()
            .Where(ts => skillSlugs.Contains(ts.Skill.Slug) && ts.Tool.Status == ToolStatus.Published)
            .Select(ts => new { SkillSlug = ts.Skill.Slug, ts.Tool.Slug, ts.Tool.Name, ts.Tool.Kind, ts.Tool.Cost, Level = ts.Level == null ? null : ts.Level.Slug })
            .ToListAsync(cancellationToken);
        var items = gaps
            .Select(g => new PlanItem(g, LearningPlan.OrderTools(
                links.Where(l => l.SkillSlug == g.Skill.Slug).Select(l => new PlanTool(l.Slug, l.Name, l.Kind, l.Cost, framework.DepthOf(l.Level))),
                g.Needed, t => t.Level, t => t.Kind, t => t.Cost, t => t.Name)))
            .ToList();
        return new ResultPage(answers, ranked, LearningPlan.HowFirstWon(ranked), chosen, items);
    }
}

public record StartPage(SkillNeeds Framework, string FirstAreaHref);

public record AreaPage(AssessmentAnswers Answers, FrameworkArea Area, int Number, IReadOnlyList<string?> Values, string BackHref)
{
    public static AreaPage For(AssessmentAnswers answers, FrameworkArea area, IReadOnlyList<string?> values)
    {
        var index = answers.Framework.Areas.IndexOf(area);
        var back = index == 0 ? SelfAssessmentController.BasePath : answers.Url(SelfAssessmentController.AreaPath(answers.Framework.Areas[index - 1]));
        return new AreaPage(answers, area, index + 1, values, back);
    }
}

public record IncompletePage(AssessmentAnswers Answers, FrameworkArea FirstUnanswered, string ContinueHref)
{
    /// <summary>The id of the link that continues the questions, which the error summary points to.</summary>
    public const string ContinueId = "continue";
}

/// <summary>A tool in a plan; <paramref name="Level"/> is the level of the skill it suits, where the seed data says so.</summary>
public record PlanTool(string Slug, string Name, ToolKind Kind, ToolCost Cost, SkillDepth? Level);

public record PlanItem(SkillGap Gap, List<PlanTool> Tools);

public record ResultPage(AssessmentAnswers Answers, List<PersonaCloseness> Ranked, TieBreak TieBreak, PersonaCloseness Chosen, List<PlanItem> Items)
{
    /// <summary>Tools shown under each skill; the skill's page lists the rest. Keeps a typical plan on one printed page.</summary>
    public const int ToolsShownPerSkill = 3;
}
