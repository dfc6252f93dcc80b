using Microsoft.EntityFrameworkCore;
using PersonaCatalogue.Web.Data;
using PersonaCatalogue.Web.Data.Entities;
using PersonaCatalogue.Web.Features.Shared;

namespace PersonaCatalogue.Web.Features.Tools;

public record ToolsList(ToolFilters Filters, ToolFilterOptions Options, List<ToolCard> Tools, int Total, int PageCount)
{
    /// <summary>One removable tag per active filter value, with the URL of the view without it.</summary>
    public IEnumerable<(string Label, string Href)> ActiveFilters()
    {
        if (Filters.Query is not null)
        {
            yield return ($"Search: {Filters.Query}", Filters.HrefWithout("q", Filters.Query));
        }

        foreach (var (name, values, options) in new[]
        {
            ("persona", Filters.Personas, Options.Personas),
            ("area", Filters.Areas, Options.Areas.Select(a => new FilterOption(a.Value, a.Label)).ToList()),
            ("skill", Filters.Skills, Options.Areas.SelectMany(a => a.Skills).ToList()),
            ("kind", Filters.Kinds, Options.Kinds),
            ("cost", Filters.Costs, Options.Costs),
        })
        {
            foreach (var value in values)
            {
                yield return (options.First(o => o.Value == value).Label, Filters.HrefWithout(name, value));
            }
        }

        if (Filters.OnlyOpen)
        {
            yield return ("Open source or openly licensed", Filters.HrefWithout("open", "yes"));
        }
    }
}

public record FilterArea(string Value, string Label, List<FilterOption> Skills);

public record ToolFilterOptions(List<FilterOption> Personas, List<FilterArea> Areas, List<FilterOption> Kinds, List<FilterOption> Costs)
{
    public static async Task<ToolFilterOptions> LoadAsync(CatalogueDbContext db, CancellationToken cancellationToken)
    {
        var personas = await db.Personas.AsNoTracking()
            .OrderBy(p => p.Order)
            .Select(p => new FilterOption(p.Slug, p.Name + ", " + p.Role))
            .ToListAsync(cancellationToken);
        var skills = await db.Skills.AsNoTracking()
            .OrderBy(s => s.Area.Order).ThenBy(s => s.Order)
            .Select(s => new { AreaSlug = s.Area.Slug, AreaName = s.Area.Name, s.Slug, s.Name })
            .ToListAsync(cancellationToken);
        var areas = skills
            .GroupBy(s => (s.AreaSlug, s.AreaName))
            .Select(g => new FilterArea(g.Key.AreaSlug, g.Key.AreaName, g.Select(s => new FilterOption(s.Slug, s.Name)).ToList()))
            .ToList();

        return new ToolFilterOptions(
            personas,
            areas,
            ToolTerms.Kinds.Select(k => new FilterOption(k.Slug, k.Label)).ToList(),
            ToolTerms.Costs.Select(c => new FilterOption(c.Slug, c.Label)).ToList());
    }
}

public record ToolCard(string Slug, string Name, string Summary, ToolKind Kind, ToolCost Cost, bool IsOpen, string Publisher, DateTime AddedAt);

public record ToolDetail(
    string Slug, string Name, string Url, string Summary, string Description, ToolKind Kind, ToolCost Cost, bool IsOpen,
    string Publisher, ToolStatus Status, DateTime AddedAt, DateTime LastReviewedAt,
    List<ToolSkillRow> Skills, List<ToolPersonaRow> Personas);

public record ToolSkillRow(string Slug, string Name, string AreaName);

public record ToolPersonaRow(string Slug, string Name, string Role, string Why);
