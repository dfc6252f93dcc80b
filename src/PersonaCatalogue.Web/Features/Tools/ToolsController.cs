using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using PersonaCatalogue.Web.Data;
using PersonaCatalogue.Web.Data.Entities;
using PersonaCatalogue.Web.Features.Feedback;
using PersonaCatalogue.Web.Infrastructure.PageCaching;

namespace PersonaCatalogue.Web.Features.Tools;

[Route("tools")]
public class ToolsController(CatalogueDbContext db, ToolFilterOptionsCache optionsCache, IConfiguration configuration) : Controller
{
    [HttpGet("")]
    [OutputCache(PolicyName = PublicPagePolicy.Name, Tags = [PageTags.Tools])]
    public async Task<IActionResult> Index(ToolFilters filters, CancellationToken cancellationToken)
    {
        var options = await ToolQuery.NormaliseAsync(db, optionsCache, filters, cancellationToken);
        var query = ToolQuery.Filter(db, filters).AsNoTracking();
        var minimumAnswers = ToolQuery.MinimumAnswersToRank(configuration);
        IQueryable<ToolCard> Cards(int page) => ToolQuery
            .Page(db, query, filters, minimumAnswers, (page - 1) * ToolFilters.PageSize, ToolFilters.PageSize)
            .Select(t => new ToolCard(t.Slug, t.Name, t.Summary, t.Kind, t.Cost, t.IsOpen, t.Publisher, t.AddedAt));

        // A first page with room to spare holds every match, so it is its own count: most searches narrow the list
        // that far, and then need one query rather than two. Other pages are counted first, to stop at the last one (and
        // when nothing matches, the count is all there is to show).
        List<ToolCard> tools;
        int total;
        if (filters.Page == 1)
        {
            tools = await Cards(1).ToListAsync(cancellationToken);
            total = tools.Count < ToolFilters.PageSize ? tools.Count : await query.CountAsync(cancellationToken);
        }
        else
        {
            total = await query.CountAsync(cancellationToken);
            filters.Page = Math.Min(filters.Page, PageCount(total));
            tools = total == 0 ? [] : await Cards(filters.Page).ToListAsync(cancellationToken);
        }

        Dictionary<string, ToolHelpfulness> helpfulness = [];
        if (filters.SortHelpful)
        {
            // This view follows the answers to "Did this tool help you?", so an answer must evict it too.
            HttpContext.TagPage(PageTags.ToolsByHelpfulness);
            helpfulness = await ToolHelpfulness.ForToolsAsync(db, tools.Select(t => t.Slug).ToList(), cancellationToken);
        }

        return View(new ToolsList(filters, options, tools, total, PageCount(total)) { Helpfulness = helpfulness, MinimumAnswersToRank = minimumAnswers });
    }

    private static int PageCount(int total) => Math.Max(1, (int)Math.Ceiling(total / (double)ToolFilters.PageSize));

    [HttpGet("{slug}")]
    public async Task<IActionResult> Detail(string slug, CancellationToken cancellationToken) =>
        await ToolDetail.LoadAsync(db, slug, new ToolFeedbackForm(), cancellationToken) is { } tool ? View(tool) : NotFound();
}
