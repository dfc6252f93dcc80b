using Microsoft.EntityFrameworkCore;
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

    /// <summary>
    /// The first <see cref="Shown"/> tools matching <paramref name="filters"/> in the "most found helpful" order, and how
    /// many match in all. Tags the page so an answer to "Did this tool help you?" evicts it, as it may change the order.
    /// </summary>
    public static async Task<(List<TRow> Rows, int Total)> LoadAsync<TRow>(
        CatalogueDbContext db, HttpContext http, IConfiguration configuration, ToolFilters filters,
        Func<IQueryable<Tool>, IQueryable<TRow>> project, CancellationToken cancellationToken)
    {
        filters.Sort = ToolFilters.SortByHelpful;
        http.TagPage(CataloguePages.ToolsByHelpfulness);
        var linked = ToolQuery.Filter(db, filters).AsNoTracking();
        var total = await linked.CountAsync(cancellationToken);
        if (total == 0)
        {
            return ([], 0);
        }

        var page = ToolQuery.Page(db, linked, filters, ToolQuery.MinimumAnswersToRank(configuration), 0, Shown);
        return (await project(page).ToListAsync(cancellationToken), total);
    }
}
