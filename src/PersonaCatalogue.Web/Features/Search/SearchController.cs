using System.Net;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using PersonaCatalogue.Core.Data;
using PersonaCatalogue.Core.Search;
using PersonaCatalogue.Web.Features.Shared;
using PersonaCatalogue.Web.Infrastructure;
using PersonaCatalogue.Web.Infrastructure.PageCaching;

namespace PersonaCatalogue.Web.Features.Search;

[Route("search")]
public class SearchController(CatalogueDbContext db, SearchTermScores scores, IConfiguration configuration) : Controller
{
    public const int PageSize = 20;
    public const int MaxQueryLength = 200;

    /// <summary>
    /// How many of a search's matches are ranked, <c>Search:MostRanked</c> (default 1,000): a search matching more shows
    /// the best of the first that many and says so (<see cref="SearchIndex.SearchAsync"/>).
    /// </summary>
    public static int MostRanked(IConfiguration configuration) => Math.Max(1, configuration.GetValue("Search:MostRanked", 1000));

    [HttpGet("")]
    [OutputCache(PolicyName = PublicPagePolicy.Name, Tags = [CataloguePages.Search])]
    [LimitUncachedRequests]
    public async Task<IActionResult> Index([FromQuery] string? q, [FromQuery] int page, CancellationToken cancellationToken)
    {
        var query = string.IsNullOrWhiteSpace(q) ? null : q.Trim()[..Math.Min(q.Trim().Length, MaxQueryLength)];
        var terms = SearchIndex.Terms(query);
        var mostRanked = MostRanked(configuration);
        // The page asked for, or the nearest there is: the count comes with the page, so a page past the end (a
        // hand-edited or out-of-date address) asks once more for the last one.
        var requested = Math.Clamp(page, 1, (mostRanked + PageSize - 1) / PageSize);
        var matches = terms is null
            ? SearchMatches.None
            : await SearchIndex.SearchAsync(db, scores, terms, (requested - 1) * PageSize, PageSize, mostRanked, cancellationToken);
        var position = PagePosition.Nearest(requested, PageSize, matches.Ranked);
        if (terms is not null && position.Page != requested)
        {
            matches = await SearchIndex.SearchAsync(db, scores, terms, position.Offset, PageSize, mostRanked, cancellationToken);
        }

        return View(new SearchResults(query, matches, new Paged<SearchHit>(matches.Hits, position)));
    }

    /// <summary>This search's URL on another page.</summary>
    public static string Href(string query, int page) =>
        $"/search?q={Uri.EscapeDataString(query)}{(page > 1 ? $"&page={page}" : "")}";
}

public record SearchResults(string? Query, SearchMatches Matches, Paged<SearchHit> Hits)
{
    public static string KindLabel(string kind) => kind switch
    {
        SearchIndex.Tool => "Tool",
        SearchIndex.Persona => "Persona",
        SearchIndex.Skill => "Skill",
        _ => kind,
    };

    public static string Href(SearchHit hit) => hit.Kind switch
    {
        SearchIndex.Tool => $"/tools/{hit.Slug}",
        SearchIndex.Persona => $"/personas/{hit.Slug}",
        _ => $"/skills/{hit.Slug}",
    };

    /// <summary>The snippet HTML-encoded, with only the match marks turned into &lt;mark&gt;.</summary>
    public static IHtmlContent Snippet(SearchHit hit) =>
        new HtmlString(WebUtility.HtmlEncode(hit.Snippet)
            .Replace(SearchIndex.MatchStart.ToString(), "<mark>")
            .Replace(SearchIndex.MatchEnd.ToString(), "</mark>"));
}
