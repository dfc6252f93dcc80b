using PersonaCatalogue.Web.Data;
using PersonaCatalogue.Web.Data.Entities;
using PersonaCatalogue.Web.Features.Search;

namespace PersonaCatalogue.Web.Features.Tools;

/// <summary>The published tools matching a set of filters, sorted: shared by the tools page and the read API.</summary>
public static class ToolQuery
{
    /// <summary>Loads the filter options and drops unknown values from <paramref name="filters"/>.</summary>
    public static async Task<ToolFilterOptions> NormaliseAsync(CatalogueDbContext db, ToolFilters filters, CancellationToken cancellationToken)
    {
        var options = await ToolFilterOptions.LoadAsync(db, cancellationToken);
        filters.Normalise(
            options.Personas.Select(p => p.Value).ToHashSet(),
            options.Areas.SelectMany(a => a.Skills).Select(s => s.Value).ToHashSet(),
            options.Areas.Select(a => a.Value).ToHashSet(),
            ToolTerms.Kinds.Select(k => k.Slug).ToHashSet(),
            ToolTerms.Costs.Select(c => c.Slug).ToHashSet());
        return options;
    }

    /// <summary>Within a group any ticked value matches; across groups all must match.</summary>
    public static IQueryable<Tool> Filter(CatalogueDbContext db, ToolFilters filters)
    {
        var query = db.Tools.Where(t => t.Status == ToolStatus.Published);
        if (filters.Personas.Count > 0)
        {
            query = query.Where(t => t.Personas.Any(p => filters.Personas.Contains(p.Persona.Slug)));
        }

        if (filters.Skills.Count > 0)
        {
            query = query.Where(t => t.Skills.Any(s => filters.Skills.Contains(s.Skill.Slug)));
        }

        if (filters.Areas.Count > 0)
        {
            query = query.Where(t => t.Skills.Any(s => filters.Areas.Contains(s.Skill.Area.Slug)));
        }

        if (filters.Kinds.Count > 0)
        {
            var kinds = filters.Kinds.Select(k => ToolTerms.KindFromSlug(k)!.Value).ToList();
            query = query.Where(t => kinds.Contains(t.Kind));
        }

        if (filters.Costs.Count > 0)
        {
            var costs = filters.Costs.Select(c => ToolTerms.CostFromSlug(c)!.Value).ToList();
            query = query.Where(t => costs.Contains(t.Cost));
        }

        if (filters.OnlyOpen)
        {
            query = query.Where(t => t.IsOpen);
        }

        if (filters.Query is not null)
        {
            // A query with no searchable words (only punctuation) matches nothing rather than everything.
            var searchTerms = SearchIndex.ToMatchQuery(filters.Query);
            var ids = searchTerms is null ? db.Tools.Where(_ => false).Select(t => t.Id) : SearchIndex.ToolIds(db, searchTerms);
            // A join, not "Id IN (…)": with IN, SQLite walks every published tool through the status index and
            // checks each against the match list; the join makes it start from the few matches and look each tool
            // up by its key (EXPLAIN QUERY PLAN: SCAN SearchIndex, SEARCH t USING INTEGER PRIMARY KEY).
            query = from tool in query
                    join id in ids on tool.Id equals id
                    select tool;
        }

        return query;
    }

    public static IOrderedQueryable<Tool> Sort(IQueryable<Tool> query, ToolFilters filters) =>
        filters.SortNewest
            ? query.OrderByDescending(t => t.AddedAt).ThenBy(t => t.Name)
            : query.OrderBy(t => t.Name);
}
