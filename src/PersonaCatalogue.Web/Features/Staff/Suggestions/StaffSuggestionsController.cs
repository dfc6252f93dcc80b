using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PersonaCatalogue.Core.Data;
using PersonaCatalogue.Core.Data.Entities;
using PersonaCatalogue.Web.Infrastructure;

namespace PersonaCatalogue.Web.Features.Staff.Suggestions;

/// <summary>
/// The moderation queue and the review page of one suggestion. Each decision has its own controller here
/// (<see cref="ApproveSuggestionController"/>, <see cref="RejectSuggestionController"/>,
/// <see cref="DuplicateSuggestionController"/>); Core's <c>SuggestionDecisions</c> records them.
/// </summary>
[Authorize(Roles = StaffRoles.AnyStaff)]
[Route("staff/suggestions")]
public class StaffSuggestionsController(CatalogueDbContext db, DuplicateFinder duplicates, TimeProvider clock) : Controller
{
    public const int PageSize = 50;
    public const int OverdueDays = 14;

    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] string? status, [FromQuery] int page = 1, CancellationToken cancellationToken = default)
    {
        var filter = Enum.TryParse<SuggestionStatus>(status, ignoreCase: true, out var parsed) ? parsed : (SuggestionStatus?)null;
        var showAll = status == "all";
        filter ??= showAll ? null : SuggestionStatus.Submitted;

        var query = db.ToolSuggestions.AsNoTracking();
        if (filter is not null)
        {
            query = query.Where(s => s.Status == filter);
        }

        // Waiting suggestions oldest first, so nothing is left behind; decided ones newest first.
        var suggestions = await query.ToPagedAsync(page, PageSize, matches =>
            filter == SuggestionStatus.Submitted ? matches.OrderBy(s => s.CreatedAt) : matches.OrderByDescending(s => s.CreatedAt), cancellationToken);
        var flags = await duplicates.FindAsync(suggestions, cancellationToken);

        return View(new SuggestionQueue(
            suggestions.ConvertAll(s => new QueueRow(s, flags[s.Id])),
            showAll ? "all" : filter!.Value.ToString().ToLowerInvariant(),
            clock.GetUtcNow().UtcDateTime));
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Review(int id, CancellationToken cancellationToken)
    {
        var page = await ReviewPage.LoadAsync(db, duplicates, id, new DecisionForm(), cancellationToken);
        return page is null ? NotFound() : View(page);
    }
}
