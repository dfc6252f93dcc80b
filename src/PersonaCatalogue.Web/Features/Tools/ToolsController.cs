using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PersonaCatalogue.Web.Data;
using PersonaCatalogue.Web.Data.Entities;
using PersonaCatalogue.Web.Features.Search;

namespace PersonaCatalogue.Web.Features.Tools;

[Route("tools")]
public class ToolsController(CatalogueDbContext db) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(ToolFilters filters, CancellationToken cancellationToken)
    {
        var options = await ToolFilterOptions.LoadAsync(db, cancellationToken);
        filters.Normalise(
            options.Personas.Select(p => p.Value).ToHashSet(),
            options.Areas.SelectMany(a => a.Skills).Select(s => s.Value).ToHashSet(),
            options.Areas.Select(a => a.Value).ToHashSet(),
            ToolTerms.Kinds.Select(k => k.Slug).ToHashSet(),
            ToolTerms.Costs.Select(c => c.Slug).ToHashSet());

        var query = db.Tools.AsNoTracking().Where(t => t.Status == ToolStatus.Published);
        if (filters.Personas.Count > 0)
        {
            query = query.Where(t => t.Personas.Any(p => filters.Personas.Contains(p.Persona.Slug)));
        }

        if (filters.Skills.Count > 0)
        {
            query = query.Where(t => t.Skills.Any(s => filters.Skills.Contains(s.Skill.Slug)));
        }

        if (filters.Areas.Count > 0)
        {
            query = query.Where(t => t.Skills.Any(s => filters.Areas.Contains(s.Skill.Area.Slug)));
        }

        if (filters.Kinds.Count > 0)
        {
            var kinds = filters.Kinds.Select(k => ToolTerms.KindFromSlug(k)!.Value).ToList();
            query = query.Where(t => kinds.Contains(t.Kind));
        }

        if (filters.Costs.Count > 0)
        {
            var costs = filters.Costs.Select(c => ToolTerms.CostFromSlug(c)!.Value).ToList();
            query = query.Where(t => costs.Contains(t.Cost));
        }

        if (filters.OnlyOpen)
        {
            query = query.Where(t => t.IsOpen);
        }

        var searchTerms = SearchIndex.ToMatchQuery(filters.Query);
        if (filters.Query is not null)
        {
            // A query with no searchable words (only punctuation) matches nothing rather than everything.
            var ids = searchTerms is null ? db.Tools.Where(_ => false).Select(t => t.Id) : SearchIndex.ToolIds(db, searchTerms);
            query = query.Where(t => ids.Contains(t.Id));
        }

        var total = await query.CountAsync(cancellationToken);
        var pageCount = Math.Max(1, (int)Math.Ceiling(total / (double)ToolFilters.PageSize));
        filters.Page = Math.Min(filters.Page, pageCount);

        var ordered = filters.SortNewest
            ? query.OrderByDescending(t => t.AddedAt).ThenBy(t => t.Name)
            : query.OrderBy(t => t.Name);
        var tools = await ordered
            .Skip((filters.Page - 1) * ToolFilters.PageSize)
            .Take(ToolFilters.PageSize)
            .Select(t => new ToolCard(t.Slug, t.Name, t.Summary, t.Kind, t.Cost, t.IsOpen, t.Publisher, t.AddedAt))
            .ToListAsync(cancellationToken);

        return View(new ToolsList(filters, options, tools, total, pageCount));
    }

    [HttpGet("{slug}")]
    public async Task<IActionResult> Detail(string slug, CancellationToken cancellationToken)
    {
        var tool = await db.Tools.AsNoTracking()
            .Where(t => t.Slug == slug)
            .Select(t => new ToolDetail(
                t.Slug, t.Name, t.Url, t.Summary, t.Description, t.Kind, t.Cost, t.IsOpen, t.Publisher,
                t.Status, t.AddedAt, t.LastReviewedAt,
                t.Skills
                    .OrderBy(s => s.Skill.Area.Order).ThenBy(s => s.Skill.Order)
                    .Select(s => new ToolSkillRow(s.Skill.Slug, s.Skill.Name, s.Skill.Area.Name))
                    .ToList(),
                t.Personas
                    .OrderBy(p => p.Persona.Order)
                    .Select(p => new ToolPersonaRow(p.Persona.Slug, p.Persona.Name, p.Persona.Role, p.Why))
                    .ToList()))
            .AsSplitQuery()
            .SingleOrDefaultAsync(cancellationToken);

        return tool is null ? NotFound() : View(tool);
    }
}
