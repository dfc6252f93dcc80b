using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace PersonaCatalogue.Web.Infrastructure;

public static class ModelStateExtensions
{
    /// <summary>The first error message for a field, for the inline GOV.UK error message.</summary>
    public static string? ErrorFor(this ModelStateDictionary modelState, string name) =>
        modelState.TryGetValue(name, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;
}
