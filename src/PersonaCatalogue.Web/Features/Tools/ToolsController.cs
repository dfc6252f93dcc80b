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
        var total = await query.CountAsync(cancellationToken);
        var pageCount = Math.Max(1, (int)Math.Ceiling(total / (double)ToolFilters.PageSize));
        filters.Page = Math.Min(filters.Page, pageCount);

        var minimumAnswers = ToolQuery.MinimumAnswersToRank(configuration);
        var tools = await ToolQuery.Sort(db, query, filters, minimumAnswers)
            .Skip((filters.Page - 1) * ToolFilters.PageSize)
            .Take(ToolFilters.PageSize)
            .Select(t => new ToolCard(t.Slug, t.Name, t.Summary, t.Kind, t.Cost, t.IsOpen, t.Publisher, t.AddedAt))
            .ToListAsync(cancellationToken);
        Dictionary<string, ToolHelpfulness> helpfulness = [];
        if (filters.SortHelpful)
        {
            // This view follows the answers to "Did this tool help you?", so an answer must evict it too.
            HttpContext.TagPage(PageTags.ToolsByHelpfulness);
            helpfulness = await ToolHelpfulness.ForToolsAsync(db, tools.Select(t => t.Slug).ToList(), cancellationToken);
        }

        return View(new ToolsList(filters, options, tools, total, pageCount) { Helpfulness = helpfulness, MinimumAnswersToRank = minimumAnswers });
    }

    [HttpGet("{slug}")]
    public async Task<IActionResult> Detail(string slug, CancellationToken cancellationToken) =>
        await ToolDetail.LoadAsync(db, slug, new ToolFeedbackForm(), cancellationToken) is { } tool ? View(tool) : NotFound();
}
