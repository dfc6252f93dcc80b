namespace PersonaCatalogue.Core.Data.Entities;

/// <summary>"Is someone missing?": a role the personas do not cover yet. Every answer is required.</summary>
public class MissingPersonaFeedback : FeedbackItem
{
    public required string MissingRole { get; set; }
    public required string WhatTheyDo { get; set; }
    public required string WhatTheyNeedToKnow { get; set; }

    public override bool HasComment() => true;
}
