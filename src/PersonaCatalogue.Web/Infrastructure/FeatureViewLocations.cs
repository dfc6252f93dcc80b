using Microsoft.AspNetCore.Mvc.Razor;

namespace PersonaCatalogue.Web.Infrastructure;

/// <summary>Finds views beside their controller in <c>Features/&lt;Feature&gt;/</c>, and shared ones in <c>Features/Shared/</c>.</summary>
public static class FeatureViewLocations
{
    public static void Configure(RazorViewEngineOptions options)
    {
        options.ViewLocationFormats.Clear();
        options.ViewLocationFormats.Add("/Features/{1}/{0}.cshtml");
        options.ViewLocationFormats.Add("/Features/Shared/{0}.cshtml");
        options.ViewLocationFormats.Add("/Features/Shared/Components/{0}.cshtml");
    }
}
