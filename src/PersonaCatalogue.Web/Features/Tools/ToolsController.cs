using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using PersonaCatalogue.Core.Catalogue;
using PersonaCatalogue.Core.Data;
using PersonaCatalogue.Core.Data.Entities;
using PersonaCatalogue.Web.Features.Feedback;
using PersonaCatalogue.Web.Features.Shared;
using PersonaCatalogue.Web.Infrastructure;
using PersonaCatalogue.Web.Infrastructure.PageCaching;

namespace PersonaCatalogue.Web.Features.Tools;

[Route("tools")]
public class ToolsController(
    CatalogueDbContext db, CatalogueVocabulary optionsCache, CatalogueToolCounts toolCounts, ToolSearchSets searchSets, IConfiguration configuration)
    : Controller
{
    [HttpGet("")]
    [OutputCache(PolicyName = PublicPagePolicy.Name, Tags = [CataloguePages.Tools])]
    [LimitUncachedRequests]
    public async Task<IActionResult> Index(ToolFilters filters, CancellationToken cancellationToken)
    {
        var options = await ToolQuery.NormaliseAsync(db, optionsCache, filters, cancellationToken);
        var query = ToolQuery.Filter(db, filters).AsNoTracking();
        var minimumAnswers = ToolQuery.MinimumAnswersToRank(configuration);
        Task<List<ToolCard>> CardsAsync(int skip, int take) => ToolQuery.PageAsync(
            db, filters, minimumAnswers, skip, take,
            tools => tools.AsNoTracking().Select(t => new ToolCard(t.Slug, t.Name, t.Summary, t.Kind, t.Cost, t.IsOpen, t.Publisher, t.AddedAt)),
            cancellationToken);

        // Most lists are short: a search with a filter or two rarely fills three pages. So any of the first three pages
        // asks for every match, up to one more than three pages hold, in one query; when that is all of them, it is the
        // count and the page at once, and a page number past the end becomes the last page without asking again. Only
        // a longer list is counted with a second query; further pages are counted first, to stop at the last one.
        const int shortList = 3 * ToolFilters.PageSize;
        Paged<ToolCard> tools;
        if (filters.Query is not null && !filters.SortHelpful)
        {
            // A search is worked out on the published tools' sets in memory (ToolSearchSets), and only the page's
            // tools are read.
            var sets = await searchSets.GetAsync(db, cancellationToken);
            var (ids, total) = await sets.PageAsync(db, filters, (filters.Page - 1) * ToolFilters.PageSize, ToolFilters.PageSize, cancellationToken);
            var position = PagePosition.Nearest(filters.Page, ToolFilters.PageSize, total);
            if (position.Page != filters.Page)
            {
                (ids, _) = await sets.PageAsync(db, filters, position.Offset, position.PageSize, cancellationToken);
            }

            var cards = await db.Tools.AsNoTracking().Where(t => ids.Contains(t.Id))
                .Select(t => new { t.Id, Card = new ToolCard(t.Slug, t.Name, t.Summary, t.Kind, t.Cost, t.IsOpen, t.Publisher, t.AddedAt) })
                .ToDictionaryAsync(c => c.Id, c => c.Card, cancellationToken);
            // A tool deleted since the sets were read is left out rather than failing the page.
            tools = new([.. ids.Where(cards.ContainsKey).Select(id => cards[id])], position);
        }
        else if (filters.Page * ToolFilters.PageSize <= shortList)
        {
            var firstPages = await CardsAsync(0, shortList + 1);
            var total = firstPages.Count <= shortList ? firstPages.Count : await ToolQuery.TotalAsync(db, toolCounts, query, filters, cancellationToken);
            var position = PagePosition.Nearest(filters.Page, ToolFilters.PageSize, total);
            tools = new([.. firstPages.Skip(position.Offset).Take(position.PageSize)], position);
        }
        else
        {
            var total = await ToolQuery.TotalAsync(db, toolCounts, query, filters, cancellationToken);
            var position = PagePosition.Nearest(filters.Page, ToolFilters.PageSize, total);
            tools = new(total == 0 ? [] : await CardsAsync(position.Offset, position.PageSize), position);
        }

        filters.Page = tools.Page;

        Dictionary<string, ToolHelpfulness> helpfulness = [];
        if (filters.SortHelpful)
        {
            // This view follows the answers to "Did this tool help you?", so an answer must evict it too.
            HttpContext.TagPage(CataloguePages.ToolsByHelpfulness);
            helpfulness = await ToolHelpfulness.ForToolsAsync(db, tools.Select(t => t.Slug).ToList(), cancellationToken);
        }

        return View(new ToolsList(filters, options, tools) { Helpfulness = helpfulness, MinimumAnswersToRank = minimumAnswers });
    }

    [HttpGet("{slug}")]
    public async Task<IActionResult> Detail(string slug, CancellationToken cancellationToken) =>
        await ToolDetail.LoadAsync(db, slug, new ToolFeedbackForm(), cancellationToken) is { } tool ? View(tool) : NotFound();
}
