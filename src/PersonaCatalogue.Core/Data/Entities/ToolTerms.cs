namespace PersonaCatalogue.Core.Data.Entities;

/// <summary>The words people see and the slugs used in URLs and seed files for a tool's kind and cost.</summary>
public static class ToolTerms
{
    public static readonly IReadOnlyList<(ToolKind Kind, string Slug, string Label)> Kinds =
    [
        (ToolKind.Guide, "guide", "Guide"),
        (ToolKind.CanvasOrTemplate, "canvas-or-template", "Canvas or template"),
        (ToolKind.Software, "software", "Software"),
        (ToolKind.WebService, "web-service", "Web service"),
        (ToolKind.DataPortal, "data-portal", "Data portal"),
        (ToolKind.DataStandard, "data-standard", "Data standard"),
        (ToolKind.Course, "course", "Course"),
        (ToolKind.Community, "community", "Community"),
    ];

    public static readonly IReadOnlyList<(ToolCost Cost, string Slug, string Label)> Costs =
    [
        (ToolCost.Free, "free", "Free"),
        (ToolCost.Freemium, "freemium", "Free with paid options"),
        (ToolCost.Paid, "paid", "Paid"),
    ];

    public static string Label(ToolKind kind) => Kinds.First(k => k.Kind == kind).Label;

    public static string Label(ToolCost cost) => Costs.First(c => c.Cost == cost).Label;

    public static string Slug(ToolKind kind) => Kinds.First(k => k.Kind == kind).Slug;

    public static string Slug(ToolCost cost) => Costs.First(c => c.Cost == cost).Slug;

    /// <summary>Open source or openly licensed: yes, no, or not known where no source says (null).</summary>
    public static readonly IReadOnlyList<(bool? IsOpen, string Slug, string Label)> Openness =
    [
        (true, "yes", "Yes"),
        (false, "no", "No"),
        (null, "unknown", "Not known"),
    ];

    public static string OpenLabel(bool? isOpen) => Openness.First(o => o.IsOpen == isOpen).Label;

    public static string OpenSlug(bool? isOpen) => Openness.First(o => o.IsOpen == isOpen).Slug;

    public static ToolKind? KindFromSlug(string? slug) =>
        Kinds.Where(k => k.Slug == slug).Select(k => (ToolKind?)k.Kind).FirstOrDefault();

    public static ToolCost? CostFromSlug(string? slug) =>
        Costs.Where(c => c.Slug == slug).Select(c => (ToolCost?)c.Cost).FirstOrDefault();
}
