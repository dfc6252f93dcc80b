using FluentValidation.AspNetCore;
using FluentValidation.Results;
using Microsoft.AspNetCore.Mvc;

namespace PersonaCatalogue.Web.Infrastructure;

/// <summary>
/// The one answer to a form that did not pass: 400 and the same page again, the answers kept in its model and the
/// errors in ModelState, where the layout's error summary and each field's inline message find them.
/// </summary>
public static class InvalidForms
{
    /// <summary>Shows <paramref name="model"/> again with the validator's errors, in <paramref name="viewName"/> or the action's own view.</summary>
    public static ViewResult InvalidForm(this Controller controller, ValidationResult result, object model, string? viewName = null)
    {
        result.AddToModelState(controller.ModelState);
        return controller.InvalidForm(model, viewName);
    }

    /// <summary>
    /// Shows <paramref name="model"/> again with the errors already in ModelState: those no validator can find
    /// without the database or Identity, such as a wrong password or an address another tool has.
    /// </summary>
    public static ViewResult InvalidForm(this Controller controller, object model, string? viewName = null)
    {
        controller.Response.StatusCode = StatusCodes.Status400BadRequest;
        return controller.View(viewName, model);
    }
}
