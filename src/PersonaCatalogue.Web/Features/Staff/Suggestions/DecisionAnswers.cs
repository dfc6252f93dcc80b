using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PersonaCatalogue.Core.Catalogue;
using PersonaCatalogue.Core.Data;
using PersonaCatalogue.Core.Data.Entities;
using PersonaCatalogue.Web.Infrastructure;

namespace PersonaCatalogue.Web.Features.Staff.Suggestions;

/// <summary>How the three decisions answer the moderator.</summary>
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
}
