using System.Text;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace PersonaCatalogue.Web.Infrastructure;

/// <summary>
/// Every bound string is trimmed and Unicode-normalised (NFC) before validation, so "  Tool " and a name typed
/// with combining accents are stored the same way as their plain forms. Whitespace-only becomes null.
/// </summary>
public class TrimmingStringBinder : IModelBinder
{
    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        var value = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
        if (value == ValueProviderResult.None)
        {
            return Task.CompletedTask;
        }

        bindingContext.ModelState.SetModelValue(bindingContext.ModelName, value);
        var text = value.FirstValue;
        bindingContext.Result = ModelBindingResult.Success(Clean(text));
        return Task.CompletedTask;
    }

    public static string? Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var trimmed = text.Trim();
        return trimmed.IsNormalized(NormalizationForm.FormC) ? trimmed : trimmed.Normalize(NormalizationForm.FormC);
    }
}

public class TrimmingStringBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
        context.Metadata.ModelType == typeof(string) && context.BindingInfo.BindingSource != BindingSource.Query
            ? new TrimmingStringBinder()
            : null;
}
