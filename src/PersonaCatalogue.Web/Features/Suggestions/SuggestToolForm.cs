using Microsoft.AspNetCore.Mvc.ModelBinding;
using PersonaCatalogue.Core.Data.Entities;
using PersonaCatalogue.Web.Infrastructure;

namespace PersonaCatalogue.Web.Features.Suggestions;

/// <summary>
/// What the suggest-a-tool form posts. Property names are the field names and the field ids, so the error summary's
/// links land on the right input. Strings arrive trimmed and normalised (or null) from the trimming binder.
/// </summary>
public class SuggestToolForm : HoneypotForm
{
    /// <summary>The "Who it helps" box that is not a persona.</summary>
    public const string SomeoneElseValue = "someone-else";

    /// <summary>The cost radio for "Not sure"; the others are the <see cref="ToolTerms.Costs"/> slugs.</summary>
    public const string NotSureCost = "not-sure";

    public string? ToolName { get; set; }
    public string? Url { get; set; }
    public string? WhatItDoes { get; set; }

    /// <summary>Persona slugs, plus <see cref="SomeoneElseValue"/>.</summary>
    public List<string?> Personas { get; set; } = [];
    public string? SomeoneElse { get; set; }
    public List<string?> Skills { get; set; } = [];
    public string? Cost { get; set; }
    public string? SuggesterName { get; set; }
    public string? SuggesterEmail { get; set; }
    public string? SuggesterOrganisation { get; set; }

    [BindNever]
    public IReadOnlyList<string> TickedPersonas => Ticked(Personas);

    [BindNever]
    public IReadOnlyList<string> TickedSkills => Ticked(Skills);

    public bool SomeoneElseTicked => TickedPersonas.Contains(SomeoneElseValue);

    /// <summary>The cost to store: null when the suggester was not sure.</summary>
    public ToolCost? ToolCost => ToolTerms.CostFromSlug(Cost);

    // The binder turns an empty value into null; a repeated box counts once.
    private static List<string> Ticked(List<string?> values) =>
        values.OfType<string>().Distinct(StringComparer.Ordinal).ToList();
}
