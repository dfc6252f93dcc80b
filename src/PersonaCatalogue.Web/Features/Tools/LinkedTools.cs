using Microsoft.EntityFrameworkCore;
using PersonaCatalogue.Core.Catalogue;
using PersonaCatalogue.Core.Data;
using PersonaCatalogue.Core.Data.Entities;
using PersonaCatalogue.Web.Features.Feedback;
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
        CatalogueDbContext db, HttpContext http, IConfiguration configuration, int personaId, string slug,
        Func<IQueryable<Tool>, IQueryable<TRow>> project, CancellationToken cancellationToken)
    {
        var total = await PublishedToolCounts.ForPersonaAsync(db, personaId, cancellationToken);
        return (await FirstAsync(db, http, configuration, new ToolFilters { Personas = [slug] }, total, project, cancellationToken), total);
    }

    public static async Task<(List<TRow> Rows, int Total)> ForSkillAsync<TRow>(
        CatalogueDbContext db, HttpContext http, IConfiguration configuration, int skillId, string slug,
        Func<IQueryable<Tool>, IQueryable<TRow>> project, CancellationToken cancellationToken)
    {
        var total = await PublishedToolCounts.ForSkillAsync(db, skillId, cancellationToken);
        return (await FirstAsync(db, http, configuration, new ToolFilters { Skills = [slug] }, total, project, cancellationToken), total);
    }

    /// <summary>
    /// The first <see cref="Shown"/> tools matching <paramref name="filters"/> in the "most found helpful" order, in two
    /// parts so neither reads every linked tool: the tools with enough answers, found from the answers (few), ranked; then
    /// as many of the rest as the page still has room for, by name (SQLite walks the tools in name order and stops when it
    /// has them). Sorting every linked tool by its answers counted the answers of each, 30,000 for one persona at
    /// 100,000 tools. Tags the page so an answer to "Did this tool help you?" evicts it, as it may change the order.
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

        var minimum = Math.Max(1, ToolQuery.MinimumAnswersToRank(configuration));
        var linked = ToolQuery.Filter(db, filters).AsNoTracking();
        var answeredEnough = ToolHelpfulness.Counted(db).GroupBy(f => f.ToolId).Where(g => g.Count() >= minimum).Select(g => g.Key);
        filters.Sort = ToolFilters.SortByHelpful;
        var ranked = await project(ToolQuery.Sort(db, linked.Where(t => answeredEnough.Contains(t.Id)), filters, minimum).Take(Shown))
            .ToListAsync(cancellationToken);
        if (ranked.Count == Shown)
        {
            return ranked;
        }

        var rest = await project(linked.Where(t => !answeredEnough.Contains(t.Id)).OrderBy(t => t.Name).Take(Shown - ranked.Count))
            .ToListAsync(cancellationToken);
        return [.. ranked, .. rest];
    }
}
