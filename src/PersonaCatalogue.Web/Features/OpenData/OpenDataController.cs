using Microsoft.AspNetCore.Cors;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using PersonaCatalogue.Core.Data;
using PersonaCatalogue.Core.Data.Entities;
using PersonaCatalogue.Web.Features.Feedback;
using PersonaCatalogue.Web.Features.Shared;
using PersonaCatalogue.Web.Features.Tools;
using PersonaCatalogue.Web.Infrastructure.PageCaching;

namespace PersonaCatalogue.Web.Features.OpenData;

/// <summary>
/// The /data page and the downloads: personas, skills and published tools, each as JSON and CSV. A download is built
/// once per change and kept in the page cache with its ETag, so a revalidation (304) or a repeat costs a lookup.
/// </summary>
[Route("data")]
public class OpenDataController(CatalogueDbContext db, TimeProvider clock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(new OpenDataPage(
            await CatalogueRecords.LastChangedAsync(db, cancellationToken),
            await db.Personas.CountAsync(cancellationToken),
            await db.Skills.CountAsync(cancellationToken),
            await db.Tools.CountAsync(t => t.Status == ToolStatus.Published, cancellationToken)));

    [HttpGet("personas.{format:regex(^(json|csv)$)}")]
    [EnableCors(OpenDataCors.Policy)]
    [OutputCache(PolicyName = PublicPagePolicy.Name, Tags = [CataloguePages.Downloads])]
    public async Task<IActionResult> Personas(string format, CancellationToken cancellationToken)
    {
        var personas = await CatalogueRecords.Personas(db.Personas).ToListAsync(cancellationToken);
        var lastChanged = await CatalogueRecords.LastChangedAsync(db, cancellationToken);
        return format == "json"
            ? this.JsonWithValidators(personas, lastChanged)
            : this.BytesWithValidators(CsvFiles.Write(
                ["slug", "name", "role", "summary", "description_markdown", "source", "goals", "needs_to_know", "frustrations", "frustrations_source", "iteration", "last_reviewed", "skills", "tools", "skills_json", "tools_json"],
                personas.Select(p => new[]
                {
                    p.Slug, p.Name, p.Role, p.Summary, p.Description, p.Source,
                    CsvFiles.JsonCell(p.Goals), CsvFiles.JsonCell(p.NeedsToKnow), CsvFiles.JsonCell(p.Frustrations), p.FrustrationsSource,
                    p.Iteration.ToString(System.Globalization.CultureInfo.InvariantCulture), p.LastReviewed?.ToString("yyyy-MM-dd") ?? "",
                    CsvFiles.Join(p.Skills.Select(s => $"{s.Skill} ({s.Level})")), CsvFiles.Join(p.Tools.Select(t => t.Tool)),
                    CsvFiles.JsonCell(p.Skills), CsvFiles.JsonCell(p.Tools),
                })), "text/csv; charset=utf-8", lastChanged, "personas.csv");
    }

    [HttpGet("skills.{format:regex(^(json|csv)$)}")]
    [EnableCors(OpenDataCors.Policy)]
    [OutputCache(PolicyName = PublicPagePolicy.Name, Tags = [CataloguePages.Downloads])]
    public async Task<IActionResult> Skills(string format, CancellationToken cancellationToken)
    {
        var skills = await CatalogueRecords.Skills(db.Skills).ToListAsync(cancellationToken);
        var lastChanged = await CatalogueRecords.LastChangedAsync(db, cancellationToken);
        if (format == "json")
        {
            var framework = await CatalogueRecords.FrameworkAsync(db, cancellationToken);
            return this.JsonWithValidators(new SkillsDownload(framework.Areas, framework.Levels, skills), lastChanged);
        }

        return this.BytesWithValidators(CsvFiles.Write(
            ["slug", "name", "area", "area_name", "order", "description_markdown", "personas", "tools", "personas_json"],
            skills.Select(s => new[]
            {
                s.Slug, s.Name, s.Area, s.AreaName, s.Order.ToString(System.Globalization.CultureInfo.InvariantCulture), s.Description,
                CsvFiles.Join(s.Personas.Select(p => $"{p.Persona} ({p.Level})")), CsvFiles.Join(s.Tools), CsvFiles.JsonCell(s.Personas),
            })), "text/csv; charset=utf-8", lastChanged, "skills.csv");
    }

    /// <summary>
    /// Answers to the two persona questions, counted per persona and iteration, spam left out. Only counts: never
    /// a comment, a role or an email. Every iteration of every persona has a row, with zeros where nobody answered.
    /// </summary>
    [HttpGet("feedback-counts.{format:regex(^(json|csv)$)}")]
    [EnableCors(OpenDataCors.Policy)]
    [OutputCache(PolicyName = PublicPagePolicy.Name, Tags = [CataloguePages.Downloads])]
    public async Task<IActionResult> FeedbackCounts(string format, CancellationToken cancellationToken)
    {
        var counts = await db.PersonaFeedback.AsNoTracking()
            .Where(f => f.Status != FeedbackStatus.Spam)
            .GroupBy(f => new { f.Persona.Slug, f.Iteration, f.Usefulness, f.RightPeople })
            .Select(g => new { g.Key.Slug, g.Key.Iteration, g.Key.Usefulness, g.Key.RightPeople, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var iterations = await db.PersonaIterations.AsNoTracking()
            .OrderBy(i => i.Persona.Order).ThenBy(i => i.Number)
            .Select(i => new { i.Persona.Slug, i.Number })
            .ToListAsync(cancellationToken);
        var records = iterations
            .Select(i => (i.Slug, Iteration: i.Number))
            .Union(counts.Select(c => (c.Slug, c.Iteration)))
            .Select(key =>
            {
                var rows = counts.Where(c => c.Slug == key.Slug && c.Iteration == key.Iteration).ToList();
                return new FeedbackCountRecord(
                    key.Slug, key.Iteration, rows.Sum(r => r.Count),
                    rows.Where(r => r.Usefulness == Usefulness.VeryUseful).Sum(r => r.Count),
                    rows.Where(r => r.Usefulness == Usefulness.SomewhatUseful).Sum(r => r.Count),
                    rows.Where(r => r.Usefulness == Usefulness.NotUseful).Sum(r => r.Count),
                    rows.Where(r => r.RightPeople == RightPeople.Yes).Sum(r => r.Count),
                    rows.Where(r => r.RightPeople == RightPeople.Partly).Sum(r => r.Count),
                    rows.Where(r => r.RightPeople == RightPeople.No).Sum(r => r.Count));
            })
            .ToList();
        var lastChanged = await db.PersonaFeedback.MaxAsync(f => (DateTime?)f.CreatedAt, cancellationToken) ?? await CatalogueRecords.LastChangedAsync(db, cancellationToken);
        var lastTriaged = await db.PersonaFeedback.MaxAsync(f => f.ReviewedAt, cancellationToken);
        if (lastTriaged > lastChanged)
        {
            lastChanged = lastTriaged.Value;
        }

        return format == "json"
            ? this.JsonWithValidators(records, lastChanged)
            : this.BytesWithValidators(CsvFiles.Write(
                ["persona", "iteration", "answered", "very_useful", "somewhat_useful", "not_useful", "right_people_yes", "right_people_partly", "right_people_no"],
                records.Select(r => new object[] { r.Persona, r.Iteration, r.Answered, r.VeryUseful, r.SomewhatUseful, r.NotUseful, r.RightPeopleYes, r.RightPeoplePartly, r.RightPeopleNo }
                    .Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray())),
                "text/csv; charset=utf-8", lastChanged, "feedback-counts.csv");
    }

    /// <summary>Answers to "Did this tool help you?", counted per published tool, spam left out. Only counts.</summary>
    [HttpGet("tool-helpfulness.{format:regex(^(json|csv)$)}")]
    [EnableCors(OpenDataCors.Policy)]
    [OutputCache(PolicyName = PublicPagePolicy.Name, Tags = [CataloguePages.Downloads])]
    public async Task<IActionResult> ToolHelpfulnessCounts(string format, CancellationToken cancellationToken)
    {
        var records = await CatalogueRecords.ToolHelpfulnessAsync(db, cancellationToken);
        var lastChanged = await ToolHelpfulness.LastChangedAsync(db, cancellationToken);
        return format == "json"
            ? this.JsonWithValidators(records, lastChanged)
            : this.BytesWithValidators(CsvFiles.Write(
                ["tool", "tool_name", "answered", "helped", "not_helped"],
                records.Select(r => new[] { r.Tool, r.ToolName, Number(r.Answered), Number(r.Helped), Number(r.NotHelped) })),
                "text/csv; charset=utf-8", lastChanged, "tool-helpfulness.csv");
    }

    /// <summary>
    /// Answers to "Where do you need more support?" over the last 12 months, counted per skill area, spam left out.
    /// Only counts: never what anyone wrote. The same numbers as the public page at /support-needs/summary.
    /// </summary>
    [HttpGet("support-needs.{format:regex(^(json|csv)$)}")]
    [EnableCors(OpenDataCors.Policy)]
    [OutputCache(PolicyName = PublicPagePolicy.Name, Tags = [CataloguePages.Downloads])]
    public async Task<IActionResult> SupportNeeds(string format, CancellationToken cancellationToken)
    {
        var counts = await SupportNeedCounts.LoadAsync(db, clock, cancellationToken);
        var lastChanged = await SupportNeedCounts.LastChangedAsync(db, cancellationToken);
        return format == "json"
            ? this.JsonWithValidators(counts, lastChanged)
            : this.BytesWithValidators(CsvFiles.Write(
                ["area", "area_name", "answers", "from", "to"],
                counts.Areas.Select(a => new[] { a.Area, a.AreaName, Number(a.Answers), counts.From.ToString("yyyy-MM-dd"), counts.To.ToString("yyyy-MM-dd") })),
                "text/csv; charset=utf-8", lastChanged, "support-needs.csv");
    }

    private static string Number(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    [HttpGet("tools.{format:regex(^(json|csv)$)}")]
    [EnableCors(OpenDataCors.Policy)]
    [OutputCache(PolicyName = PublicPagePolicy.Name, Tags = [CataloguePages.Downloads])]
    public async Task<IActionResult> Tools(string format, CancellationToken cancellationToken)
    {
        var tools = await CatalogueRecords.Tools(db.Tools.Where(t => t.Status == ToolStatus.Published).OrderBy(t => t.Slug)).ToListAsync(cancellationToken);
        var lastChanged = await CatalogueRecords.LastChangedAsync(db, cancellationToken);
        return format == "json"
            ? this.JsonWithValidators(tools, lastChanged)
            : this.BytesWithValidators(CsvFiles.Write(
                ["slug", "name", "url", "summary", "description_markdown", "kind", "cost", "open", "publisher", "added", "last_reviewed", "skills", "skills_source", "personas", "personas_json"],
                tools.Select(t => new[]
                {
                    t.Slug, t.Name, t.Url, t.Summary, t.Description, t.Kind, t.Cost, t.Open switch { true => "true", false => "false", null => "" }, t.Publisher,
                    CsvFiles.Date(t.Added), t.LastReviewed is { } reviewed ? CsvFiles.Date(reviewed) : "",
                    CsvFiles.Join(t.Skills), t.SkillsSource, CsvFiles.Join(t.Personas.Select(p => p.Persona)), CsvFiles.JsonCell(t.Personas),
                })), "text/csv; charset=utf-8", lastChanged, "tools.csv");
    }
}

public record FeedbackCountRecord(
    string Persona, int Iteration, int Answered,
    int VeryUseful, int SomewhatUseful, int NotUseful,
    int RightPeopleYes, int RightPeoplePartly, int RightPeopleNo);

public record SkillsDownload(List<AreaRecord> Areas, List<LevelRecord> Levels, List<SkillRecord> Skills);

public record OpenDataPage(DateTime LastChanged, int Personas, int Skills, int Tools);

public static class OpenDataCors
{
    public const string Policy = "open-data";

    /// <summary>Anyone may read the open data from a browser on another site; nothing else crosses origins.</summary>
    public static IServiceCollection AddOpenDataCors(this IServiceCollection services) =>
        services.AddCors(options => options.AddPolicy(Policy, policy => policy
            .AllowAnyOrigin()
            .WithMethods("GET", "HEAD")
            .WithHeaders("If-None-Match", "If-Modified-Since")
            .WithExposedHeaders("ETag", "Last-Modified")));
}
