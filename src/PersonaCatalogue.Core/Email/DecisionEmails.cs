using System.Text;
using Microsoft.EntityFrameworkCore;
using PersonaCatalogue.Core.Data;
using PersonaCatalogue.Core.Data.Entities;

namespace PersonaCatalogue.Core.Email;

/// <summary>
/// Tells a suggester what was decided. Each decision calls <see cref="QueueAsync"/> after recording the decision and
/// before its SaveChanges and commit, so the email is written to the outbox in the decision's own transaction: both
/// happen or neither does. The site's outbox sender delivers it.
/// </summary>
public sealed class DecisionEmails(EmailSettings settings, TimeProvider clock)
{
    public const string ServiceName = "Learning personas for public services";

    /// <summary>
    /// Adds the email for the suggestion's decision to the context, when email is configured and the suggester gave an
    /// address. Links start with <c>Site:BaseUrl</c>, or else <paramref name="requestBaseUrl"/> (the scheme and host the
    /// moderator used). Returns whether an email was queued.
    /// </summary>
    public async Task<bool> QueueAsync(CatalogueDbContext db, int suggestionId, string requestBaseUrl, CancellationToken cancellationToken)
    {
        if (!settings.IsConfigured)
        {
            return false;
        }

        var decision = await db.ToolSuggestions.AsNoTracking()
            .Where(s => s.Id == suggestionId)
            .Select(s => new Decision(s.Reference, s.StatusToken, s.ToolName, s.SuggesterEmail, s.Status, s.Reason,
                s.Tool == null ? null : s.Tool.Slug, s.Tool == null ? null : s.Tool.Name))
            .SingleAsync(cancellationToken);
        if (decision.Email is null || decision.Status == SuggestionStatus.Submitted)
        {
            return false;
        }

        var (subject, body) = Compose(decision, settings.SiteBaseUrl ?? requestBaseUrl.TrimEnd('/'));
        var now = clock.GetUtcNow().UtcDateTime;
        db.OutboxMessages.Add(new OutboxMessage
        {
            To = decision.Email,
            Subject = subject,
            Body = body,
            SuggestionId = suggestionId,
            CreatedAt = now,
            NextAttemptAt = now,
        });
        return true;
    }

    internal sealed record Decision(
        string Reference, string StatusToken, string ToolName, string? Email, SuggestionStatus Status, string? Reason, string? ToolSlug, string? PublishedName);

    internal static (string Subject, string Body) Compose(Decision decision, string baseUrl)
    {
        var toolPage = decision.ToolSlug is null ? null : $"{baseUrl}/tools/{decision.ToolSlug}";
        var body = new StringBuilder()
            .AppendLine("Hello,")
            .AppendLine()
            .AppendLine($"Thank you for suggesting {decision.ToolName} (reference {decision.Reference}).")
            .AppendLine();
        string subject;
        switch (decision.Status)
        {
            case SuggestionStatus.Approved:
                subject = $"{decision.ToolName} is now in the catalogue";
                body.AppendLine("We have approved it and added it to the catalogue. Its page is:")
                    .AppendLine(toolPage);
                break;
            case SuggestionStatus.Duplicate:
                subject = $"{decision.ToolName} is already in the catalogue";
                body.AppendLine($"We have not added it again, because it is already in the catalogue as {decision.PublishedName}. Its page is:")
                    .AppendLine(toolPage);
                if (decision.Reason is not null)
                {
                    body.AppendLine().AppendLine("Our reason:").AppendLine(decision.Reason);
                }

                break;
            default:
                subject = $"We have not added {decision.ToolName} to the catalogue";
                body.AppendLine("We have decided not to add it to the catalogue. Our reason:")
                    .AppendLine()
                    .AppendLine(decision.Reason);
                break;
        }

        body.AppendLine()
            .AppendLine("The private page for your suggestion shows its status at any time:")
            .AppendLine($"{baseUrl}/suggestions/{decision.StatusToken}")
            .AppendLine()
            .AppendLine("We sent this email because you gave us your address when you suggested the tool. We use it only to tell you our decision.")
            .AppendLine()
            .AppendLine(ServiceName);
        return (subject, body.ToString());
    }
}
