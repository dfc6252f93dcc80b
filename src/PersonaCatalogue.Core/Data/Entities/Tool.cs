namespace PersonaCatalogue.Core.Data.Entities;

public class Tool
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string Name { get; set; }
    public required string Url { get; set; }

    /// <summary>The URL reduced for duplicate checks (see <c>UrlNormaliser</c>).</summary>
    public string NormalisedUrl { get; set; } = "";
    public string Summary { get; set; } = "";

    /// <summary>Markdown.</summary>
    public string Description { get; set; } = "";
    public ToolKind Kind { get; set; }
    public ToolCost Cost { get; set; }

    /// <summary>
    /// Open source or openly licensed: true, false, or null when no source says (shown as "Not known"). A nullable
    /// bool rather than an enum because the question is yes or no and the third answer is the absence of one.
    /// </summary>
    public bool? IsOpen { get; set; }
    public string Publisher { get; set; } = "";
    public ToolStatus Status { get; set; } = ToolStatus.Published;

    /// <summary>
    /// UTC: when the tool entered this catalogue (its first import or a moderator's approval of a suggestion, the only
    /// two ways in), recorded by the system and never taken from a seed file; a re-import does not change it.
    /// </summary>
    public DateTime AddedAt { get; set; }

    /// <summary>
    /// UTC: when a moderator last recorded a review, or the review date a seed file gives; null until then ("Not
    /// reviewed yet"). Editing a tool is not a review by itself.
    /// </summary>
    public DateTime? LastReviewedAt { get; set; }

    /// <summary>"seed-data", or the reference of the suggestion it was published from.</summary>
    public string Source { get; set; } = ToolSources.SeedData;
    public List<ToolSkill> Skills { get; set; } = [];
    public List<PersonaTool> Personas { get; set; } = [];
}

public static class ToolSources
{
    public const string SeedData = "seed-data";
}

public enum ToolStatus
{
    Published,
    Retired,
}

public enum ToolCost
{
    Free,
    Freemium,
    Paid,
}

public enum ToolKind
{
    Guide,
    CanvasOrTemplate,
    Software,
    WebService,
    DataPortal,
    DataStandard,
    Course,
    Community,
}
