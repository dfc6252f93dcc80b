using Microsoft.EntityFrameworkCore;
using PersonaCatalogue.Core.Catalogue;
using PersonaCatalogue.Core.Data;
using PersonaCatalogue.Core.Data.Entities;
using PersonaCatalogue.Web.Features.Shared;
using PersonaCatalogue.Web.Infrastructure.PageCaching;

namespace PersonaCatalogue.Web.Features.Tools;

/// <summary>
/// The tools a persona or skill page lists: a bounded number, so the page stays small however many tools are linked
/// (at 100,000 generated tools one persona page listed 29,966 of them, 13 MB), with how many there are in all and the
/// filtered tools list for the rest. The order is the tools list's "most found helpful": tools with enough answers by
/// the share who found them helpful, then the rest by name.
/// </summary>
public static class LinkedTools
{
    /// <summary>How many tools a persona or skill page shows.</summary>
    public const int Shown = 20;

    public static async Task<(List<TRow> Rows, int Total)> ForPersonaAsync<TRow>(
        CatalogueDbContext db, HttpContext http, IConfiguration configuration, CatalogueToolCounts toolCounts, int personaId, string slug,
        Func<IQueryable<Tool>, IQueryable<TRow>> project, CancellationToken cancellationToken)
    {
        var total = (await toolCounts.GetAsync(db, cancellationToken)).ForPersona(personaId);
        return (await FirstAsync(db, http, configuration, new ToolFilters { Personas = [slug] }, total, project, cancellationToken), total);
    }

    public static async Task<(List<TRow> Rows, int Total)> ForSkillAsync<TRow>(
        CatalogueDbContext db, HttpContext http, IConfiguration configuration, CatalogueToolCounts toolCounts, int skillId, string slug,
        Func<IQueryable<Tool>, IQueryable<TRow>> project, CancellationToken cancellationToken)
    {
        var total = (await toolCounts.GetAsync(db, cancellationToken)).ForSkill(skillId);
        return (await FirstAsync(db, http, configuration, new ToolFilters { Skills = [slug] }, total, project, cancellationToken), total);
    }

    /// <summary>
    /// The first <see cref="Shown"/> tools matching <paramref name="filters"/> in the "most found helpful" order, paged as
    /// the tools list pages it (<see cref="ToolQuery.PageAsync"/>: the ranked tools found from the answers, then the rest
    /// by name, so neither part reads every linked tool). Tags the page so an answer to "Did this tool help you?" evicts
    /// it, as it may change the order.
    /// </summary>
    private static async Task<List<TRow>> FirstAsync<TRow>(
        CatalogueDbContext db, HttpContext http, IConfiguration configuration, ToolFilters filters, int total,
        Func<IQueryable<Tool>, IQueryable<TRow>> project, CancellationToken cancellationToken)
    {
        http.TagPage(CataloguePages.ToolsByHelpfulness);
        if (total == 0)
        {
            return [];
        }

        filters.Sort = ToolFilters.SortByHelpful;
        return await ToolQuery.PageAsync(
            db, filters, ToolQuery.MinimumAnswersToRank(configuration), 0, Math.Min(Shown, total),
            tools => project(tools.AsNoTracking()), cancellationToken);
    }
}
