using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Razor;

namespace PersonaCatalogue.Web.Infrastructure;

/// <summary>
/// Finds a controller's views in its own feature folder, taken from its namespace
/// (<c>PersonaCatalogue.Web.Features.Staff.Suggestions</c> → <c>/Features/Staff/Suggestions/</c>),
/// then in <c>Features/Shared/</c> and <c>Features/Shared/Components/</c>.
/// </summary>
public class FeatureViewLocations : IViewLocationExpander
{
    private const string Key = "feature";
    private const string RootNamespace = "PersonaCatalogue.Web.";

    public static void Configure(RazorViewEngineOptions options)
    {
        options.ViewLocationExpanders.Add(new FeatureViewLocations());
        options.ViewLocationFormats.Clear();
        options.ViewLocationFormats.Add("/Features/Shared/{0}.cshtml");
        options.ViewLocationFormats.Add("/Features/Shared/Components/{0}.cshtml");
    }

    public void PopulateValues(ViewLocationExpanderContext context)
    {
        if (context.ActionContext.ActionDescriptor is ControllerActionDescriptor action
            && action.ControllerTypeInfo.Namespace is { } ns
            && ns.StartsWith(RootNamespace, StringComparison.Ordinal))
        {
            context.Values[Key] = "/" + ns[RootNamespace.Length..].Replace('.', '/');
        }
    }

    public IEnumerable<string> ExpandViewLocations(ViewLocationExpanderContext context, IEnumerable<string> viewLocations) =>
        context.Values.TryGetValue(Key, out var folder) && folder is not null
            ? viewLocations.Prepend(folder + "/{0}.cshtml")
            : viewLocations;
}
