using Microsoft.AspNetCore.Cors;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PersonaCatalogue.Core.Catalogue;
using PersonaCatalogue.Core.Data;
using PersonaCatalogue.Core.Data.Entities;
using PersonaCatalogue.Web.Features.Feedback;
using PersonaCatalogue.Web.Features.Tools;
using PersonaCatalogue.Web.Infrastructure;

namespace PersonaCatalogue.Web.Features.OpenData;

/// <summary>
/// The read-only JSON API. Records and field names are those of the downloads; the tools list takes the same
/// filters as the tools page. Every answer carries ETag and Last-Modified and honours conditional GETs.
/// </summary>
[ApiController]
[Route("api/v1")]
[EnableCors(OpenDataCors.Policy)]
[LimitUncachedRequests]
public class ApiController(CatalogueDbContext db, CatalogueVocabulary optionsCache, CatalogueToolCounts toolCounts, IConfiguration configuration, TimeProvider clock) : ControllerBase
{
    public const int MaxPageSize = 100;

    /// <summary>All personas with their skills (level and why) and recommended tools (why).</summary>
    [HttpGet("personas")]
    [EndpointName("listPersonas")]
    [EndpointSummary("All personas, with their skills and recommended tools")]
    [ProducesResponseType<List<PersonaRecord>>(StatusCodes.Status200OK, ReadApiDocument.Json)]
    public async Task<IActionResult> Personas(CancellationToken cancellationToken) =>
        this.JsonWithValidators(await CatalogueRecords.Personas(db.Personas).ToListAsync(cancellationToken), await CatalogueRecords.LastChangedAsync(db, cancellationToken));

    /// <summary>One persona by slug.</summary>
    [HttpGet("personas/{slug}")]
    [EndpointName("getPersona")]
    [EndpointSummary("One persona by its slug")]
    [ProducesResponseType<PersonaRecord>(StatusCodes.Status200OK, ReadApiDocument.Json)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ReadApiDocument.Problem)]
    public async Task<IActionResult> Persona(string slug, CancellationToken cancellationToken) =>
        await CatalogueRecords.Personas(db.Personas.Where(p => p.Slug == slug)).SingleOrDefaultAsync(cancellationToken) is { } persona
            ? this.JsonWithValidators(persona, await CatalogueRecords.LastChangedAsync(db, cancellationToken))
            : NotFoundProblem("persona", slug);

    /// <summary>The skills framework: areas, levels and every skill with the personas that need it and the tools that help.</summary>
    [HttpGet("skills")]
    [EndpointName("listSkills")]
    [EndpointSummary("The skills framework: areas, levels and every skill")]
    [ProducesResponseType<SkillsDownload>(StatusCodes.Status200OK, ReadApiDocument.Json)]
    public async Task<IActionResult> Skills(CancellationToken cancellationToken)
    {
        var framework = await CatalogueRecords.FrameworkAsync(db, cancellationToken);
        var skills = await CatalogueRecords.Skills(db.Skills).ToListAsync(cancellationToken);
        return this.JsonWithValidators(new SkillsDownload(framework.Areas, framework.Levels, skills), await CatalogueRecords.LastChangedAsync(db, cancellationToken));
    }

    /// <summary>One skill by slug.</summary>
    [HttpGet("skills/{slug}")]
    [EndpointName("getSkill")]
    [EndpointSummary("One skill by its slug")]
    [ProducesResponseType<SkillRecord>(StatusCodes.Status200OK, ReadApiDocument.Json)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ReadApiDocument.Problem)]
    public async Task<IActionResult> Skill(string slug, CancellationToken cancellationToken) =>
        await CatalogueRecords.Skills(db.Skills.Where(s => s.Slug == slug)).SingleOrDefaultAsync(cancellationToken) is { } skill
            ? this.JsonWithValidators(skill, await CatalogueRecords.LastChangedAsync(db, cancellationToken))
            : NotFoundProblem("skill", slug);

    /// <summary>
    /// Published tools, filtered as on the tools page: persona, skill, area, kind and cost may repeat (any matches),
    /// open=yes, q (keywords), sort (name, newest or helpful), page and page_size (at most 100).
    /// </summary>
    [HttpGet("tools")]
    [EndpointName("listTools")]
    [EndpointSummary("Published tools, filtered, sorted and paged as on the tools page")]
    [ProducesResponseType<ToolsPage>(StatusCodes.Status200OK, ReadApiDocument.Json)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, ReadApiDocument.Problem)]
    public async Task<IActionResult> Tools(
        ToolFilters filters,
        [FromQuery(Name = "page_size")] int pageSize = ToolFilters.PageSize,
        CancellationToken cancellationToken = default)
    {
        await ToolQuery.NormaliseAsync(db, optionsCache, filters, cancellationToken);
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        var query = ToolQuery.Filter(db, filters);
        // Unlike the pages, the API does not move a page number past the end to the last page: the client gets no
        // tools and the real page count, so it knows it went too far.
        var position = new PagePosition(filters.Page, pageSize, await ToolQuery.TotalAsync(db, toolCounts, query, filters, cancellationToken));
        var tools = await ToolQuery.PageAsync(
            db, filters, ToolQuery.MinimumAnswersToRank(configuration), position.Offset, position.PageSize, CatalogueRecords.Tools, cancellationToken);
        var lastChanged = await CatalogueRecords.LastChangedAsync(db, cancellationToken);
        if (filters.SortHelpful)
        {
            // The order follows the answers, so an answer (or one marked as spam) changes the page too.
            var answered = await ToolHelpfulness.LastChangedAsync(db, cancellationToken);
            lastChanged = answered > lastChanged ? answered : lastChanged;
        }

        return this.JsonWithValidators(new ToolsPage(position.Total, position.Page, position.PageSize, position.PageCount, tools), lastChanged);
    }

    /// <summary>One published tool by slug.</summary>
    [HttpGet("tools/{slug}")]
    [EndpointName("getTool")]
    [EndpointSummary("One published tool by its slug")]
    [ProducesResponseType<ToolRecord>(StatusCodes.Status200OK, ReadApiDocument.Json)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ReadApiDocument.Problem)]
    public async Task<IActionResult> Tool(string slug, CancellationToken cancellationToken) =>
        await CatalogueRecords.Tools(db.Tools.Where(t => t.Slug == slug && t.Status == ToolStatus.Published)).SingleOrDefaultAsync(cancellationToken) is { } tool
            ? this.JsonWithValidators(tool, await CatalogueRecords.LastChangedAsync(db, cancellationToken))
            : NotFoundProblem("tool", slug);

    /// <summary>Answers to "Did this tool help you?" per published tool, spam left out: the tool-helpfulness download.</summary>
    [HttpGet("tool-helpfulness")]
    [EndpointName("listToolHelpfulness")]
    [EndpointSummary("How many people said each published tool helped them, and how many said it did not")]
    [ProducesResponseType<List<ToolHelpfulnessRecord>>(StatusCodes.Status200OK, ReadApiDocument.Json)]
    public async Task<IActionResult> ToolHelpfulnessCounts(CancellationToken cancellationToken) =>
        this.JsonWithValidators(await CatalogueRecords.ToolHelpfulnessAsync(db, cancellationToken), await ToolHelpfulness.LastChangedAsync(db, cancellationToken));

    /// <summary>Answers to "Where do you need more support?" per skill area over the last 12 months: the support-needs download.</summary>
    [HttpGet("support-needs")]
    [EndpointName("getSupportNeedCounts")]
    [EndpointSummary("How many people told us they need more support in each skill area over the last 12 months")]
    [ProducesResponseType<SupportNeedCounts>(StatusCodes.Status200OK, ReadApiDocument.Json)]
    public async Task<IActionResult> SupportNeeds(CancellationToken cancellationToken) =>
        this.JsonWithValidators(await SupportNeedCounts.LoadAsync(db, clock, cancellationToken), await SupportNeedCounts.LastChangedAsync(db, cancellationToken));

    private ObjectResult NotFoundProblem(string kind, string slug) =>
        Problem(statusCode: StatusCodes.Status404NotFound, title: $"No {kind} has the slug '{slug}'");
}

public record ToolsPage(int Total, int Page, int PageSize, int PageCount, List<ToolRecord> Tools);
