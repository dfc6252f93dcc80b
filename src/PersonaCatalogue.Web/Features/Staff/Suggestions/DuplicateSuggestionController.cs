using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PersonaCatalogue.Core.Catalogue;
using PersonaCatalogue.Core.Data;
using PersonaCatalogue.Core.Data.Entities;
using PersonaCatalogue.Web.Infrastructure;

namespace PersonaCatalogue.Web.Features.Staff.Suggestions;

/// <summary>Marking a suggestion as a duplicate of a tool already in the catalogue, from its review page.</summary>
[Authorize(Roles = StaffRoles.AnyStaff)]
[Route("staff/suggestions")]
public class DuplicateSuggestionController(CatalogueDbContext db, DuplicateFinder duplicates, SuggestionDecisions decisions) : Controller
{
    [HttpPost("{id:int}/duplicate")]
    public async Task<IActionResult> Duplicate(int id, DecisionForm form, CancellationToken cancellationToken)
    {
        var original = form.ToolSlug is null ? null : await db.Tools.AsNoTracking().SingleOrDefaultAsync(t => t.Slug == form.ToolSlug, cancellationToken);
        var result = new DuplicateFormValidator(original).Validate(form);
        if (!result.IsValid || original is null)
        {
            return await this.ReviewAgainAsync(db, duplicates, id, form, result, cancellationToken);
        }

        return await this.DecideAsync(db, id, suggestion => decisions.MarkDuplicateAsync(suggestion, form.Version, original, User, Request.Origin(), cancellationToken),
            $"Suggestion marked as a duplicate of {original.Name}", cancellationToken);
    }
}
