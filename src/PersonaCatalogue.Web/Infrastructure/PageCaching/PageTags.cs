using Microsoft.AspNetCore.OutputCaching;

namespace PersonaCatalogue.Web.Infrastructure.PageCaching;

/// <summary>
/// The tags cached public pages carry, so a change evicts exactly the pages that show what changed.
/// A page's own identity is its tag; <see cref="PageCacheEviction"/> works out which identities a change touches.
/// </summary>
public static class PageTags
{
    /// <summary>Every cached page: evicted when persona or framework content changes (only an import does that).</summary>
    public const string All = "page";

    public const string Home = "home";
    public const string Personas = "personas";
    public const string Skills = "skills";
    public const string Tools = "tools";

    /// <summary>The tools list sorted by most found helpful, which changes with every answer to "Did this tool help you?".</summary>
    public const string ToolsByHelpfulness = "tools:helpful";
    public const string Search = "search";
    public const string Content = "content";

    public static string Persona(int id) => $"persona:{id}";

    public static string Skill(int id) => $"skill:{id}";

    /// <summary>Adds tags that are only known once the action has read its data (the page's own identity).</summary>
    public static void TagPage(this HttpContext httpContext, string tag)
    {
        httpContext.Features.Get<IOutputCacheFeature>()?.Context.Tags.Add(tag);
    }
}
