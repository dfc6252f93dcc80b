namespace PersonaCatalogue.Core.Data.Entities;

/// <summary>A tool suggested by a member of the public, exactly as they gave it, and what moderators decided.</summary>
public class ToolSuggestion
{
    public int Id { get; set; }

    /// <summary>The public reference, such as TS-7K3QX.</summary>
    public required string Reference { get; set; }

    /// <summary>The unguessable token of the private status link (256 random bits, base64url).</summary>
    public required string StatusToken { get; set; }

    public required string ToolName { get; set; }
    public required string Url { get; set; }

    /// <summary>The URL reduced for duplicate checks: no scheme, "www.", fragment or trailing slash.</summary>
    public required string NormalisedUrl { get; set; }
    public required string WhatItDoes { get; set; }

    /// <summary>Slugs of the personas the suggester ticked.</summary>
    public List<string> PersonaSlugs { get; set; } = [];

    /// <summary>Who else it helps, when the suggester ticked "someone else".</summary>
    public string? SomeoneElse { get; set; }
    public List<string> SkillSlugs { get; set; } = [];

    /// <summary>Null when the suggester was not sure.</summary>
    public ToolCost? Cost { get; set; }
    public string? SuggesterName { get; set; }
    public string? SuggesterEmail { get; set; }
    public string? SuggesterOrganisation { get; set; }

    public SuggestionStatus Status { get; set; } = SuggestionStatus.Submitted;

    /// <summary>Shown to the suggester on the status page when rejected.</summary>
    public string? Reason { get; set; }
    public string? DecidedBy { get; set; }

    /// <summary>UTC.</summary>
    public DateTime? DecidedAt { get; set; }

    /// <summary>The tool published from this suggestion, or the existing tool it duplicates.</summary>
    public int? ToolId { get; set; }
    public Tool? Tool { get; set; }

    /// <summary>UTC.</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>Changes on every decision, so two moderators deciding at once cannot both succeed.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();
}

public enum SuggestionStatus
{
    Submitted,
    Approved,
    Rejected,
    Duplicate,
}
