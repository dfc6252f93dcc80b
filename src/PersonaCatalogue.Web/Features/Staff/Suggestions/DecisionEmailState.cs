using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PersonaCatalogue.Core.Data;
using PersonaCatalogue.Core.Data.Entities;
using PersonaCatalogue.Core.Email;
using PersonaCatalogue.Web.Features.Shared;

namespace PersonaCatalogue.Web.Features.Staff.Suggestions;

/// <summary>
/// Whether the suggester's decision email was sent, is waiting or failed, on the review page. A view component, so the
/// review page shows it with one line and the decision actions need not load it.
/// </summary>
public class DecisionEmailStateViewComponent(CatalogueDbContext db, EmailSettings settings) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(ToolSuggestion suggestion)
    {
        var email = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.SuggestionId == suggestion.Id)
            .OrderByDescending(m => m.Id)
            .Select(m => new { m.Status, m.Attempts, m.SentAt, m.NextAttemptAt, m.LastError })
            .FirstOrDefaultAsync(HttpContext.RequestAborted);
        var state = email switch
        {
            null when !settings.IsConfigured => new DecisionEmailStatus(new TagModel("Not sent", "grey"), "This site sends no email: no mail server is configured."),
            null => new DecisionEmailStatus(new TagModel("Not sent", "grey"), "The suggester gave no email address, or it has been deleted."),
            { Status: OutboxStatus.Sent } => new DecisionEmailStatus(new TagModel("Sent", "green"), $"Sent on {email.SentAt:d MMMM yyyy, HH:mm} UTC."),
            { Status: OutboxStatus.Failed } => new DecisionEmailStatus(new TagModel("Failed", "red"), $"Not sent after {email.Attempts} attempts. Last error: {email.LastError}"),
            { Attempts: 0 } => new DecisionEmailStatus(new TagModel("Waiting", "blue"), "Waiting to be sent."),
            _ => new DecisionEmailStatus(new TagModel("Waiting", "yellow"),
                $"{email.Attempts} {(email.Attempts == 1 ? "attempt has" : "attempts have")} failed so far; the next is after {email.NextAttemptAt:HH:mm} UTC. Last error: {email.LastError}"),
        };
        return View("~/Features/Staff/Suggestions/_DecisionEmailState.cshtml", state);
    }
}

public record DecisionEmailStatus(TagModel Tag, string Text);
