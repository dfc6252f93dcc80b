using System.Security.Claims;
using System.Text.Json;
using PersonaCatalogue.Core.Data;
using PersonaCatalogue.Core.Data.Entities;

namespace PersonaCatalogue.Core.Audit;

/// <summary>Adds an audit event to the context, so it commits (or not) together with the change it records.</summary>
public static class AuditTrail
{
    public static void Audit(this CatalogueDbContext db, ClaimsPrincipal user, DateTime at, string action, string targetType, string targetKey, object? details = null) =>
        db.AuditEvents.Add(new AuditEvent
        {
            At = at,
            UserId = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "",
            UserEmail = user.Identity?.Name ?? "",
            Action = action,
            TargetType = targetType,
            TargetKey = targetKey,
            Details = JsonSerializer.Serialize(details ?? new { }),
        });

    /// <summary>
    /// For what happens to a staff account before anyone is signed in (a sign-in, a failed attempt, a lockout): the
    /// account is the actor and the target. An attempt on an unknown email has no user id and names the email typed.
    /// </summary>
    public static void AuditAccount(this CatalogueDbContext db, DateTime at, string action, string? userId, string email, object? details = null)
    {
        var shown = email.Length > FieldLengths.Email ? email[..FieldLengths.Email] : email;
        db.AuditEvents.Add(new AuditEvent
        {
            At = at,
            UserId = userId ?? "",
            UserEmail = shown,
            Action = action,
            TargetType = "staff",
            TargetKey = shown.Length > FieldLengths.Slug ? shown[..FieldLengths.Slug] : shown,
            Details = JsonSerializer.Serialize(details ?? new { }),
        });
    }

    /// <summary>For what the site or its command line does on nobody's behalf, such as importing seed data.</summary>
    public static void AuditSystem(this CatalogueDbContext db, DateTime at, string action, string targetType, string targetKey, object? details = null) =>
        db.AuditEvents.Add(new AuditEvent
        {
            At = at,
            UserId = "",
            UserEmail = SystemActor,
            Action = action,
            TargetType = targetType,
            TargetKey = targetKey,
            Details = JsonSerializer.Serialize(details ?? new { }),
        });

    public const string SystemActor = "system";
}

/// <summary>The actions the audit log records.</summary>
public static class AuditActions
{
    public const string FeedbackReviewed = "feedback.reviewed";
    public const string FeedbackSpam = "feedback.spam";
    public const string FeedbackCommentPublished = "feedback.comment-published";
    public const string FeedbackCommentWithdrawn = "feedback.comment-withdrawn";
    public const string FeedbackExported = "feedback.exported";
    public const string SuggestionApproved = "suggestion.approved";
    public const string SuggestionRejected = "suggestion.rejected";
    public const string SuggestionDuplicate = "suggestion.duplicate";
    public const string ToolPublished = "tool.published";
    public const string ToolEdited = "tool.edited";
    public const string ToolRetired = "tool.retired";
    public const string ToolRestored = "tool.restored";
    public const string StaffAdded = "staff.added";
    public const string StaffDisabled = "staff.disabled";
    public const string StaffEnabled = "staff.enabled";
    public const string StaffPasswordReset = "staff.password-reset";
    public const string StaffPasswordChanged = "staff.password-changed";
    public const string StaffSignedIn = "staff.signed-in";
    public const string StaffSignInFailed = "staff.sign-in-failed";
    public const string StaffLockedOut = "staff.locked-out";
    public const string StaffTwoFactorEnabled = "staff.two-factor-enabled";
    public const string StaffTwoFactorDisabled = "staff.two-factor-disabled";
    public const string StaffRecoveryCodesGenerated = "staff.recovery-codes-generated";
    public const string SeedDataImported = "seed-data.imported";

    /// <summary>
    /// An eviction could not reach the shared page cache (Redis), so every instance stops using the pages stored
    /// before it: the event's id is the page cache's new generation.
    /// </summary>
    public const string PageCacheEvictionLost = "page-cache.eviction-lost";
    public const string PersonalDataRetention = "personal-data.retention";
    public const string PersonalDataErased = "personal-data.erased";
}
