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
            // SQLite starts from these few ids and looks each tool up by key, rather than walking every published tool,
            // once it has table statistics (SqliteConnectionSettings runs PRAGMA optimize): EXPLAIN QUERY PLAN shows
            // "SEARCH t USING INTEGER PRIMARY KEY (rowid=?)" with "LIST SUBQUERY".
            query = query.Where(t => ids.Contains(t.Id));
        }

        return query;
    }

    public static IOrderedQueryable<Tool> Sort(IQueryable<Tool> query, ToolFilters filters) =>
        filters.SortNewest
            ? query.OrderByDescending(t => t.AddedAt).ThenBy(t => t.Name)
            : query.OrderBy(t => t.Name);
}
