using System.Text;
using Microsoft.AspNetCore.Mvc;
using PersonaCatalogue.Core.Data.Entities;

namespace PersonaCatalogue.Web.Features.Tools;

/// <summary>
/// The tools list's view as GET parameters, so every view has its own shareable URL.
/// Within a group any ticked value matches; across groups all must match.
/// </summary>
public class ToolFilters
{
    public const int PageSize = 20;
    public const int MaxQueryLength = 200;

    [FromQuery(Name = "persona")]
    public List<string> Personas { get; set; } = [];

    [FromQuery(Name = "skill")]
    public List<string> Skills { get; set; } = [];

    [FromQuery(Name = "area")]
    public List<string> Areas { get; set; } = [];

    [FromQuery(Name = "kind")]
    public List<string> Kinds { get; set; } = [];

    [FromQuery(Name = "cost")]
    public List<string> Costs { get; set; } = [];

    /// <summary>
    /// Licence answers to show: "yes" (open source or openly licensed), "no", "unknown" (not known). Any ticked value
    /// matches, like the other groups, so "not known" can be asked for on its own.
    /// </summary>
    [FromQuery(Name = "open")]
    public List<string> Open { get; set; } = [];

    [FromQuery(Name = "q")]
    public string? Query { get; set; }

    /// <summary>"name" (default), "newest" or "helpful" (most found helpful).</summary>
    [FromQuery(Name = "sort")]
    public string? Sort { get; set; }

    [FromQuery(Name = "page")]
    public int Page { get; set; } = 1;

    public const string SortByNewest = "newest";
    public const string SortByHelpful = "helpful";

    public bool SortNewest => Sort == SortByNewest;

    public bool SortHelpful => Sort == SortByHelpful;

    public bool HasFilters => TickedValues > 0 || !string.IsNullOrWhiteSpace(Query);

    /// <summary>A search and no other filter (any order, any page).</summary>
    public bool OnlySearch => TickedValues == 0 && !string.IsNullOrWhiteSpace(Query);

    /// <summary>The same filters in another order (a shallow copy: the lists are shared, so change neither).</summary>
    public ToolFilters WithSort(string? sort)
    {
        var copy = (ToolFilters)MemberwiseClone();
        copy.Sort = sort;
        return copy;
    }

    /// <summary>How many check-box values are chosen, over every group: a new group must be added here.</summary>
    private int TickedValues => Personas.Count + Skills.Count + Areas.Count + Kinds.Count + Costs.Count + Open.Count;

    /// <summary>Drops unknown or repeated values and trims the search, so a hand-edited URL cannot break the page.</summary>
    public void Normalise(ISet<string> personas, ISet<string> skills, ISet<string> areas, ISet<string> kinds, ISet<string> costs)
    {
        Personas = [.. Personas.Where(personas.Contains).Distinct()];
        Skills = [.. Skills.Where(skills.Contains).Distinct()];
        Areas = [.. Areas.Where(areas.Contains).Distinct()];
        Kinds = [.. Kinds.Where(kinds.Contains).Distinct()];
        Costs = [.. Costs.Where(costs.Contains).Distinct()];
        Open = [.. Open.Where(o => ToolTerms.Openness.Any(t => t.Slug == o)).Distinct()];
        Sort = SortNewest || SortHelpful ? Sort : null;
        Query = string.IsNullOrWhiteSpace(Query) ? null : Query.Trim()[..Math.Min(Query.Trim().Length, MaxQueryLength)];
        Page = Math.Max(1, Page);
    }

    /// <summary>This view's URL on another page.</summary>
    public string Href(int page) => Build(page, null, null);

    /// <summary>This view's URL with one value removed, for a removable filter tag (back to page 1).</summary>
    public string HrefWithout(string name, string value) => Build(1, name, value);

    private string Build(int page, string? skipName, string? skipValue)
    {
        var parts = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value) && !(name == skipName && value == skipValue))
            {
                parts.Add($"{name}={Uri.EscapeDataString(value)}");
            }
        }

        Add("q", Query);
        Personas.ForEach(v => Add("persona", v));
        Areas.ForEach(v => Add("area", v));
        Skills.ForEach(v => Add("skill", v));
        Kinds.ForEach(v => Add("kind", v));
        Costs.ForEach(v => Add("cost", v));
        Open.ForEach(v => Add("open", v));
        Add("sort", Sort);
        if (page > 1)
        {
            Add("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        var query = new StringBuilder("/tools");
        if (parts.Count > 0)
        {
            query.Append('?').AppendJoin('&', parts);
        }

        return query.ToString();
    }
}
