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
        var tool = form.ToolSlug is null ? null : await db.Tools.AsNoTracking().SingleOrDefaultAsync(t => t.Slug == form.ToolSlug, cancellationToken);
        if (tool is null)
        {
            ModelState.AddModelError(nameof(DecisionForm.ToolSlug), form.ToolSlug is null
                ? "Enter the address of the tool it duplicates"
                : "There is no tool with that address; check it against the tools list");
            return await ReviewPage.LoadAsync(db, duplicates, id, form, cancellationToken) is { } page
                ? this.InvalidForm(page, nameof(StaffSuggestionsController.Review))
                : NotFound();
        }

        var suggestion = await db.ToolSuggestions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (suggestion is null)
        {
            return NotFound();
        }

        var outcome = await decisions.MarkDuplicateAsync(suggestion, form.Version, tool, User, cancellationToken);
        return await this.AnswerAsync(db, id, outcome, $"Suggestion marked as a duplicate of {tool.Name}", cancellationToken);
    }
}
