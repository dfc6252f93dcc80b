using FluentValidation.Results;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PersonaCatalogue.Core.Catalogue;
using PersonaCatalogue.Core.Data;
using PersonaCatalogue.Core.Data.Entities;
using PersonaCatalogue.Web.Infrastructure;

namespace PersonaCatalogue.Web.Features.Staff.Suggestions;

/// <summary>How the decisions answer the moderator.</summary>
public static class DecisionAnswers
{
    /// <summary>Another moderator decided since this one loaded the page: 409, and who decided what.</summary>
    public static ViewResult AlreadyDecided(this Controller controller, ToolSuggestion suggestion)
    {
        controller.Response.StatusCode = StatusCodes.Status409Conflict;
        return controller.View("AlreadyDecided", suggestion);
    }

    /// <summary>Back to the review page with <paramref name="message"/> in a banner; or, if another moderator decided first, who did.</summary>
    public static async Task<IActionResult> AnswerAsync(
        this Controller controller, CatalogueDbContext db, int id, DecisionOutcome outcome, string message, CancellationToken cancellationToken)
    {
        if (outcome == DecisionOutcome.AlreadyDecided)
        {
            return controller.AlreadyDecided(await db.ToolSuggestions.AsNoTracking().SingleAsync(s => s.Id == id, cancellationToken));
        }

        controller.TempData[Flash.Success] = message;
        return controller.Redirect($"/staff/suggestions/{id}");
    }

    /// <summary>A decision made from the review page: <paramref name="decide"/> on the suggestion, then the answer; 404 for an unknown id.</summary>
    public static async Task<IActionResult> DecideAsync(
        this Controller controller, CatalogueDbContext db, int id, Func<ToolSuggestion, Task<DecisionOutcome>> decide, string message, CancellationToken cancellationToken)
    {
        var suggestion = await db.ToolSuggestions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        return suggestion is null ? controller.NotFound() : await controller.AnswerAsync(db, id, await decide(suggestion), message, cancellationToken);
    }

    /// <summary>The review page again, with the errors of the decision form it posted (400); 404 for an unknown id.</summary>
    public static async Task<IActionResult> ReviewAgainAsync(
        this Controller controller, CatalogueDbContext db, DuplicateFinder duplicates, int id, DecisionForm form, ValidationResult result, CancellationToken cancellationToken) =>
        await ReviewPage.LoadAsync(db, duplicates, id, form, cancellationToken) is { } page
            ? controller.InvalidForm(result, page, nameof(StaffSuggestionsController.Review))
            : controller.NotFound();
}
