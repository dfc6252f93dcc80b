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
public class SearchController(CatalogueDbContext db, IConfiguration configuration) : Controller
{
    public const int MaxResults = 50;
    public const int MaxQueryLength = 200;

    /// <summary>
    /// How many of a search's matches are ranked, <c>Search:MostRanked</c> (default 1,000): a search matching more shows
    /// the best of the first that many and says so (<see cref="SearchIndex.SearchAsync"/>).
    /// </summary>
    public static int MostRanked(IConfiguration configuration) => Math.Max(1, configuration.GetValue("Search:MostRanked", 1000));

    [HttpGet("")]
    [OutputCache(PolicyName = PublicPagePolicy.Name, Tags = [CataloguePages.Search])]
    [LimitUncachedRequests]
    public async Task<IActionResult> Index([FromQuery] string? q, CancellationToken cancellationToken)
    {
        var query = string.IsNullOrWhiteSpace(q) ? null : q.Trim()[..Math.Min(q.Trim().Length, MaxQueryLength)];
        var terms = SearchIndex.Terms(query);
        var matches = terms is null
            ? SearchMatches.None
            : await SearchIndex.SearchAsync(db, terms, MaxResults, MostRanked(configuration), cancellationToken);
        return View(new SearchResults(query, matches));
    }
}

public record SearchResults(string? Query, SearchMatches Matches)
{
    public List<SearchHit> Hits => Matches.Hits;

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
