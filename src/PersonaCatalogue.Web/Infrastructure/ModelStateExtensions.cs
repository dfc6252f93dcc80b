using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace PersonaCatalogue.Web.Infrastructure;

public static class ModelStateExtensions
{
    private const string FieldOrderKey = "PersonaCatalogue.FieldOrder";

    /// <summary>The first error message for a field, for the inline GOV.UK error message.</summary>
    public static string? ErrorFor(this ModelStateDictionary modelState, string name) =>
        modelState.TryGetValue(name, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    /// <summary>
    /// Notes that a form field was drawn. A view renders before its layout, so when the layout draws the error summary
    /// it knows the order of the fields on the page (ModelState itself keeps its keys sorted by name).
    /// </summary>
    public static void RecordField(this HttpContext context, string name)
    {
        if (context.Items[FieldOrderKey] is not List<string> fields)
        {
            context.Items[FieldOrderKey] = fields = [];
        }

        fields.Add(name);
    }

    /// <summary>The first error of each field, in the order the fields appear on the page; errors of fields not drawn come last.</summary>
    public static List<(string Field, string Message)> ErrorsInPageOrder(this ModelStateDictionary modelState, HttpContext context)
    {
        var fields = context.Items[FieldOrderKey] as List<string> ?? [];
        return modelState
            .Where(entry => entry.Value is { Errors.Count: > 0 })
            .Select(entry => (Field: entry.Key, Message: entry.Value!.Errors[0].ErrorMessage))
            .OrderBy(error =>
            {
                var index = fields.FindIndex(f => string.Equals(f, error.Field, StringComparison.OrdinalIgnoreCase));
                return index < 0 ? int.MaxValue : index;
            })
            .ToList();
    }
}
