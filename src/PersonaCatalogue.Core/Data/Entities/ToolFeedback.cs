namespace PersonaCatalogue.Core.Data.Entities;

/// <summary>"Did this tool help you?", asked on every tool page.</summary>
public class ToolFeedback : FeedbackItem
{
    public int ToolId { get; set; }
    public Tool Tool { get; set; } = null!;
    public bool Helped { get; set; }
    public string? WhatItHelpedWith { get; set; }

    public override bool HasComment() => WhatItHelpedWith is not null;
}
