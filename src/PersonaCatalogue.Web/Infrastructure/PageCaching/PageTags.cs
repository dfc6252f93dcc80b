using Microsoft.AspNetCore.OutputCaching;

namespace PersonaCatalogue.Web.Infrastructure.PageCaching;

/// <summary>
/// The tag every cached page carries, and the way an action adds a tag it only knows once it has read its data. Which
/// tags a page carries and which change evicts them is the features' business (<c>Features/Shared/CataloguePages.cs</c>).
/// </summary>
public static class PageTags
{
    /// <summary>Every cached page.</summary>
    public const string All = "page";

    /// <summary>Adds tags that are only known once the action has read its data (the page's own identity).</summary>
    public static void TagPage(this HttpContext httpContext, string tag)
    {
        httpContext.Features.Get<IOutputCacheFeature>()?.Context.Tags.Add(tag);
    }
}
