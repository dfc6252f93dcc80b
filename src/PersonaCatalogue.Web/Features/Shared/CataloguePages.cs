using PersonaCatalogue.Core.Changes;
using PersonaCatalogue.Web.Infrastructure.PageCaching;

namespace PersonaCatalogue.Web.Features.Shared;

/// <summary>
/// The tags the catalogue's cached pages carry, so a change evicts exactly the pages that show what changed.
/// A page's own identity is its tag; <see cref="TagsFor"/> says which identities a change touches.
/// </summary>
public static class CataloguePages
{
    public const string Home = "home";
    public const string Personas = "personas";
    public const string Skills = "skills";
    public const string Tools = "tools";

    /// <summary>The tools list sorted by most found helpful, which changes with every answer to "Did this tool help you?".</summary>
    public const string ToolsByHelpfulness = "tools:helpful";
    public const string Search = "search";

    /// <summary>The public counts of support needs by skill area, which change with every answer to "Where do you need more support?".</summary>
    public const string SupportNeeds = "support-needs";
    public const string Content = "content";

    /// <summary>The self-assessment's pages; its plans list tools.</summary>
    public const string SelfAssessment = "self-assessment";

    /// <summary>The open-data downloads: built once per change to anything they hold, kept with their ETag.</summary>
    public const string Downloads = "downloads";

    public static string Persona(int id) => $"persona:{id}";

    public static string Skill(int id) => $"skill:{id}";

    /// <summary>The pages that show what changed.</summary>
    public static List<string> TagsFor(CatalogueChange change)
    {
        // Persona and framework text appears on nearly every page; only an import changes it.
        if (change.Everything)
        {
            return [PageTags.All];
        }

        var tags = new List<string>();
        if (change.Tools)
        {
            // Lists of tools, the counts on the home and skills pages, search results and learning plans.
            tags.AddRange([Tools, Home, Skills, Search, SelfAssessment]);
        }

        if (change.ToolHelpfulness)
        {
            tags.Add(ToolsByHelpfulness);
        }

        if (change.SupportNeeds)
        {
            tags.Add(SupportNeeds);
        }

        tags.AddRange(change.PersonaIds.Select(Persona));
        tags.AddRange(change.SkillIds.Select(Skill));
        if (!change.IsEmpty)
        {
            // Every download holds a little of everything (tools, links, feedback counts): any change rebuilds them.
            tags.Add(Downloads);
        }

        return tags;
    }
}

/// <summary>Evicts the pages a committed change touches (see <see cref="CataloguePages.TagsFor"/>).</summary>
public sealed class CataloguePageEviction(PageCache cache) : ICatalogueChangeListener
{
    public Task CatalogueChangedAsync(CatalogueChange change, CancellationToken cancellationToken) =>
        cache.EvictAsync(CataloguePages.TagsFor(change), cancellationToken);
}
