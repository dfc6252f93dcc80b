using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PersonaCatalogue.Core.Catalogue;
using PersonaCatalogue.Core.Data;
using PersonaCatalogue.Core.Data.Entities;
using PersonaCatalogue.Web.Infrastructure;

namespace PersonaCatalogue.Web.Features.Staff.Suggestions;

/// <summary>Rejecting a suggestion from its review page, with the reason the suggester will see.</summary>
[Authorize(Roles = StaffRoles.AnyStaff)]
[Route("staff/suggestions")]
public class RejectSuggestionController(CatalogueDbContext db, DuplicateFinder duplicates, SuggestionDecisions decisions) : Controller
{
    [HttpPost("{id:int}/reject")]
    public async Task<IActionResult> Reject(int id, DecisionForm form, CancellationToken cancellationToken)
    {
        var result = new RejectFormValidator().Validate(form);
        if (!result.IsValid)
        {
            return await ReviewPage.LoadAsync(db, duplicates, id, form, cancellationToken) is { } page
                ? this.InvalidForm(result, page, nameof(StaffSuggestionsController.Review))
                : NotFound();
        }

        var suggestion = await db.ToolSuggestions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (suggestion is null)
        {
            return NotFound();
        }

        var outcome = await decisions.RejectAsync(suggestion, form.Version, form.Reason!, User, cancellationToken);
        return await this.AnswerAsync(db, id, outcome, "Suggestion rejected. The suggester will see your reason on their status page", cancellationToken);
    }
}
