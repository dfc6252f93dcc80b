namespace PersonaCatalogue.Core.Data.Entities;

/// <summary>A skill area chosen on a support need.</summary>
public class SupportNeedArea
{
    public int FeedbackId { get; set; }
    public SupportNeedFeedback Feedback { get; set; } = null!;
    public int SkillAreaId { get; set; }
    public SkillArea SkillArea { get; set; } = null!;
}
