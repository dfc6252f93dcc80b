using Microsoft.EntityFrameworkCore;
using PersonaCatalogue.Core.Catalogue;
using PersonaCatalogue.Core.Data;
using PersonaCatalogue.Core.Data.Entities;
using PersonaCatalogue.Web.Features.Feedback;
using PersonaCatalogue.Web.Features.Shared;
using PersonaCatalogue.Web.Infrastructure;

namespace PersonaCatalogue.Web.Features.Tools;

public record ToolsList(ToolFilters Filters, Vocabulary Options, Paged<ToolCard> Tools)
{
    /// <summary>With "most found helpful" chosen: what people said about each tool on the page, by slug.</summary>
    public IReadOnlyDictionary<string, ToolHelpfulness> Helpfulness { get; init; } = new Dictionary<string, ToolHelpfulness>();

    public int MinimumAnswersToRank { get; init; }

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
            ("area", Filters.Areas, Options.Areas.Select(a => new VocabularyTerm(a.Value, a.Label)).ToList()),
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

        foreach (var value in Filters.Open)
        {
            yield return ($"Licence: {OpenFilterOptions.First(o => o.Value == value).Label}", Filters.HrefWithout("open", value));
        }
    }

    /// <summary>The licence filter's options: yes, no and not known, as the tool page says them.</summary>
    public static IReadOnlyList<VocabularyTerm> OpenFilterOptions { get; } =
    [
        new("yes", "Open source or openly licensed"),
        new("no", "Not openly licensed"),
        new("unknown", "Not known"),
    ];
}

public record ToolCard(string Slug, string Name, string Summary, ToolKind Kind, ToolCost Cost, bool? IsOpen, string Publisher, DateTime AddedAt);

public record ToolDetail(
    string Slug, string Name, string Url, string Summary, string Description, ToolKind Kind, ToolCost Cost, bool? IsOpen,
    string Publisher, ToolStatus Status, DateTime AddedAt, DateTime? LastReviewedAt,
    List<ToolSkillRow> Skills, List<ToolPersonaRow> Personas)
{
    /// <summary>"Did this tool help you?": the count so far and the form, loaded after the tool.</summary>
    public ToolFeedbackSection? Feedback { get; init; }

    /// <summary>The tool page, published or retired, with its feedback section showing <paramref name="form"/>; null for an unknown slug.</summary>
    public static async Task<ToolDetail?> LoadAsync(CatalogueDbContext db, string slug, ToolFeedbackForm form, CancellationToken cancellationToken)
    {
        var tool = await db.Tools.AsNoTracking()
            .Where(t => t.Slug == slug)
            .Select(t => new ToolDetail(
                t.Slug, t.Name, t.Url, t.Summary, t.Description, t.Kind, t.Cost, t.IsOpen, t.Publisher,
                t.Status, t.AddedAt, t.LastReviewedAt,
                t.Skills
                    .OrderBy(s => s.Skill.Area.Order).ThenBy(s => s.Skill.Order)
                    .Select(s => new ToolSkillRow(s.Skill.Slug, s.Skill.Name, s.Skill.Area.Name))
                    .ToList(),
                t.Personas
                    .OrderBy(p => p.Persona.Order)
                    .Select(p => new ToolPersonaRow(p.Persona.Slug, p.Persona.Name, p.Persona.Role, p.Why))
                    .ToList()))
            .AsSplitQuery()
            .SingleOrDefaultAsync(cancellationToken);
        if (tool is null)
        {
            return null;
        }

        var helpfulness = await ToolHelpfulness.ForToolAsync(db, slug, cancellationToken);
        return tool with { Feedback = new ToolFeedbackSection(tool.Slug, tool.Name, helpfulness, form) };
    }
}

public record ToolSkillRow(string Slug, string Name, string AreaName);

public record ToolPersonaRow(string Slug, string Name, string Role, string Why);
