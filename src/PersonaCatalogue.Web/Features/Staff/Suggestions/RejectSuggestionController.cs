using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
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
            return await this.ReviewAgainAsync(db, duplicates, id, form, result, cancellationToken);
        }

        return await this.DecideAsync(db, id, suggestion => decisions.RejectAsync(suggestion, form.Version, form.Reason!, User, Request.Origin(), cancellationToken),
            "Suggestion rejected. The suggester will see your reason on their status page", cancellationToken);
    }
}
