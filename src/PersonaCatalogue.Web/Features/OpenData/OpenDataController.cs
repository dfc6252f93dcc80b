using Microsoft.AspNetCore.Cors;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PersonaCatalogue.Web.Data;
using PersonaCatalogue.Web.Data.Entities;
using PersonaCatalogue.Web.Features.Tools;

namespace PersonaCatalogue.Web.Features.OpenData;

/// <summary>The /data page and the downloads: personas, skills and published tools, each as JSON and CSV.</summary>
[Route("data")]
public class OpenDataController(CatalogueDbContext db) : Controller
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
    public async Task<IActionResult> Personas(string format, CancellationToken cancellationToken)
    {
        var personas = await CatalogueRecords.Personas(db.Personas).ToListAsync(cancellationToken);
        var lastChanged = await CatalogueRecords.LastChangedAsync(db, cancellationToken);
        return format == "json"
            ? this.JsonWithValidators(personas, lastChanged)
            : this.BytesWithValidators(CsvFiles.Write(
                ["slug", "name", "role", "summary", "description_markdown", "goals", "needs_to_know", "frustrations", "iteration", "last_reviewed", "skills", "tools", "skills_json", "tools_json"],
                personas.Select(p => new[]
                {
                    p.Slug, p.Name, p.Role, p.Summary, p.Description,
                    CsvFiles.JsonCell(p.Goals), CsvFiles.JsonCell(p.NeedsToKnow), CsvFiles.JsonCell(p.Frustrations),
                    p.Iteration.ToString(System.Globalization.CultureInfo.InvariantCulture), p.LastReviewed.ToString("yyyy-MM-dd"),
                    CsvFiles.Join(p.Skills.Select(s => $"{s.Skill} ({s.Level})")), CsvFiles.Join(p.Tools.Select(t => t.Tool)),
                    CsvFiles.JsonCell(p.Skills), CsvFiles.JsonCell(p.Tools),
                })), "text/csv; charset=utf-8", lastChanged, "personas.csv");
    }

    [HttpGet("skills.{format:regex(^(json|csv)$)}")]
    [EnableCors(OpenDataCors.Policy)]
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

    [HttpGet("tools.{format:regex(^(json|csv)$)}")]
    [EnableCors(OpenDataCors.Policy)]
    public async Task<IActionResult> Tools(string format, CancellationToken cancellationToken)
    {
        var tools = await CatalogueRecords.Tools(db.Tools.Where(t => t.Status == ToolStatus.Published).OrderBy(t => t.Slug)).ToListAsync(cancellationToken);
        var lastChanged = await CatalogueRecords.LastChangedAsync(db, cancellationToken);
        return format == "json"
            ? this.JsonWithValidators(tools, lastChanged)
            : this.BytesWithValidators(CsvFiles.Write(
                ["slug", "name", "url", "summary", "description_markdown", "kind", "cost", "open", "publisher", "added", "last_reviewed", "skills", "personas", "personas_json"],
                tools.Select(t => new[]
                {
                    t.Slug, t.Name, t.Url, t.Summary, t.Description, t.Kind, t.Cost, t.Open ? "true" : "false", t.Publisher,
                    CsvFiles.Date(t.Added), CsvFiles.Date(t.LastReviewed),
                    CsvFiles.Join(t.Skills), CsvFiles.Join(t.Personas.Select(p => p.Persona)), CsvFiles.JsonCell(t.Personas),
                })), "text/csv; charset=utf-8", lastChanged, "tools.csv");
    }
}

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
