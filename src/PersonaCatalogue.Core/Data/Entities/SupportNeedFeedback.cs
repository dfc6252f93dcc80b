namespace PersonaCatalogue.Core.Data.Entities;

/// <summary>"Where do you need more support?": free text, and the skill areas it touches if the giver chose any.</summary>
public class SupportNeedFeedback : FeedbackItem
{
    public required string SupportNeeded { get; set; }

    /// <summary>Rows rather than a list of slugs in a column, so staff can count needs per area in SQL.</summary>
    public List<SupportNeedArea> Areas { get; set; } = [];

    public override bool HasComment() => true;
}
