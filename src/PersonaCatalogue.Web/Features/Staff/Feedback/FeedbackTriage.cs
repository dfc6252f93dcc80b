using PersonaCatalogue.Core.Data.Entities;

namespace PersonaCatalogue.Web.Features.Staff.Feedback;

/// <summary>
/// What each triage action does to any kind of feedback. Each returns the changed values for the audit log, or null
/// when there was nothing to change.
/// </summary>
public static class FeedbackTriage
{
    /// <summary>Why this comment may not be published, or null when it may.</summary>
    public static string? WhyNotPublishable(FeedbackItem item) =>
        item is not PersonaFeedback ? "Only comments on personas are published. This feedback is for staff only."
        : !item.ConsentToPublish ? "The person who gave this feedback did not agree to publishing their comment, so it cannot be published."
        : !item.HasComment() ? "This feedback has no comment to publish."
        : item.Status == FeedbackStatus.Spam ? "This feedback is marked as spam. Mark it as reviewed first if it is not spam."
        : null;

    public static object? MarkReviewed(this FeedbackItem item, string by, DateTime at) =>
        item.SetStatus(FeedbackStatus.Reviewed, by, at);

    /// <summary>Spam leaves every count and is never shown, so a published comment is withdrawn too.</summary>
    public static object? MarkSpam(this FeedbackItem item, string by, DateTime at)
    {
        var withdrawn = item.CommentPublished;
        item.CommentPublished = false;
        return item.SetStatus(FeedbackStatus.Spam, by, at) is { } change ? new { change, withdrawn } : null;
    }

    /// <summary>Publishing is a review too. Call only when <see cref="WhyNotPublishable"/> says nothing.</summary>
    public static object? PublishComment(this FeedbackItem item, string by, DateTime at)
    {
        if (item.CommentPublished)
        {
            return null;
        }

        item.CommentPublished = true;
        var change = item.SetStatus(FeedbackStatus.Reviewed, by, at);
        item.ReviewedBy = by;
        item.ReviewedAt = at;
        return new { commentPublished = new[] { false, true }, change };
    }

    public static object? WithdrawComment(this FeedbackItem item, string by, DateTime at)
    {
        if (!item.CommentPublished)
        {
            return null;
        }

        item.CommentPublished = false;
        item.ReviewedBy = by;
        item.ReviewedAt = at;
        return new { commentPublished = new[] { true, false } };
    }

    private static object? SetStatus(this FeedbackItem item, FeedbackStatus status, string by, DateTime at)
    {
        if (item.Status == status)
        {
            return null;
        }

        var before = item.Status;
        item.Status = status;
        item.ReviewedBy = by;
        item.ReviewedAt = at;
        return new { status = new[] { before.ToString(), status.ToString() } };
    }
}

public static class FeedbackStatusTag
{
    public static Shared.TagModel For(FeedbackStatus status) => status switch
    {
        FeedbackStatus.New => new("New", "blue"),
        FeedbackStatus.Reviewed => new("Reviewed", "green"),
        _ => new("Spam", "red"),
    };
}
