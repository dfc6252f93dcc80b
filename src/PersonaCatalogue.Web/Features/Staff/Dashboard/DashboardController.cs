using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PersonaCatalogue.Core.Data;
using PersonaCatalogue.Core.Data.Entities;
using PersonaCatalogue.Web.Features.Staff.Suggestions;

namespace PersonaCatalogue.Web.Features.Staff.Dashboard;

[Authorize(Roles = StaffRoles.AnyStaff)]
[Route("staff")]
public class DashboardController(CatalogueDbContext db, TimeProvider clock) : Controller
{
    public const int OldestShown = 10;

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var overdueBefore = now.AddDays(-StaffSuggestionsController.OverdueDays);
        var waiting = db.ToolSuggestions.AsNoTracking().Where(s => s.Status == SuggestionStatus.Submitted);
        var newFeedback = db.Feedback.AsNoTracking().Where(f => f.Status == FeedbackStatus.New);
        var page = new DashboardPage(
            await waiting.CountAsync(cancellationToken),
            await waiting.CountAsync(s => s.CreatedAt < overdueBefore, cancellationToken),
            await waiting.OrderBy(s => s.CreatedAt).Take(OldestShown)
                .Select(s => new WaitingSuggestion(s.Id, s.Reference, s.ToolName, s.CreatedAt))
                .ToListAsync(cancellationToken),
            await db.Tools.CountAsync(t => t.Status == ToolStatus.Published, cancellationToken),
            await db.Tools.CountAsync(t => t.Status == ToolStatus.Retired, cancellationToken),
            await newFeedback.CountAsync(cancellationToken),
            await newFeedback.CountAsync(f => f.CreatedAt < overdueBefore, cancellationToken),
            await newFeedback.GroupBy(f => f.Kind).Select(g => new { Kind = g.Key, Count = g.Count() })
                .ToDictionaryAsync(g => g.Kind, g => g.Count, cancellationToken),
            User.IsInRole(StaffRoles.Administrator),
            now);
        return View(page);
    }
}

public record WaitingSuggestion(int Id, string Reference, string ToolName, DateTime CreatedAt);

public record DashboardPage(
    int Waiting, int Overdue, List<WaitingSuggestion> Oldest, int PublishedTools, int RetiredTools, int NewFeedback, int OverdueFeedback,
    Dictionary<FeedbackKind, int> NewFeedbackByKind, bool IsAdministrator, DateTime Now)
{
    public int AgeInDays(WaitingSuggestion s) => (int)(Now - s.CreatedAt).TotalDays;
}
