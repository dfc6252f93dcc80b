using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PersonaCatalogue.Core.Audit;
using PersonaCatalogue.Core.Catalogue;
using PersonaCatalogue.Core.Data;
using PersonaCatalogue.Core.Data.Entities;
using PersonaCatalogue.Web.Features.Tools;
using PersonaCatalogue.Web.Infrastructure;

namespace PersonaCatalogue.Web.Features.Staff.Tools;

[Authorize(Roles = StaffRoles.AnyStaff)]
[Route("staff/tools")]
public class StaffToolsController(CatalogueDbContext db, ToolEditor editor, CatalogueVocabulary vocabulary, TimeProvider clock) : Controller
{
    public const int PageSize = 50;

    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] string? q, [FromQuery] string? status, [FromQuery] int page = 1, CancellationToken cancellationToken = default)
    {
        var query = db.Tools.AsNoTracking();
        if (status == "retired")
        {
            query = query.Where(t => t.Status == ToolStatus.Retired);
        }
        else if (status != "all")
        {
            status = "published";
            query = query.Where(t => t.Status == ToolStatus.Published);
        }

        if (!string.IsNullOrWhiteSpace(q))
        {
            // Retired tools are not in the search index, so staff search names and addresses directly. Lower case on
            // both sides, as LIKE ignores case on SQLite but not on PostgreSQL.
            var text = q.Trim().ToLowerInvariant();
            query = query.Where(t => t.Name.ToLower().Contains(text) || t.Slug.ToLower().Contains(text) || t.Url.ToLower().Contains(text));
        }

        var tools = await query.ToPagedAsync(page, PageSize, matches => matches
            .OrderBy(t => t.Name)
            .Select(t => new StaffToolRow(t.Slug, t.Name, t.Status, t.Source, t.AddedAt)), cancellationToken);
        return View(new StaffToolsPage(tools, q?.Trim(), status));
    }

    [HttpGet("{slug}/edit")]
    public async Task<IActionResult> Edit(string slug, CancellationToken cancellationToken)
    {
        var tool = await LoadAsync(slug, cancellationToken);
        if (tool is null)
        {
            return NotFound();
        }

        var options = await vocabulary.GetAsync(db, cancellationToken);
        return View(new EditToolPage(tool.Slug, tool.Name, tool.Status, tool.AddedAt, tool.LastReviewedAt, new ToolFormPage(ToolForm.From(tool), options, SlugEditable: false)));
    }

    [HttpPost("{slug}/edit")]
    public async Task<IActionResult> Edit(string slug, ToolForm form, CancellationToken cancellationToken)
    {
        var tool = await LoadAsync(slug, cancellationToken);
        if (tool is null)
        {
            return NotFound();
        }

        form.Slug = tool.Slug;
        var options = await vocabulary.GetAsync(db, cancellationToken);
        var result = (await editor.ValidatorAsync(options, form, tool.Id, cancellationToken)).Validate(form);
        if (!result.IsValid || form.IsPreview)
        {
            var page = new EditToolPage(tool.Slug, tool.Name, tool.Status, tool.AddedAt, tool.LastReviewedAt, new ToolFormPage(form, options, SlugEditable: false));
            return result.IsValid ? View(page) : this.InvalidForm(result, page);
        }

        var skillsBefore = tool.Skills.Select(s => s.Skill.Slug).Order().ToList();
        var personasBefore = tool.Personas.Select(p => $"{p.Persona.Slug}: {p.Why}").Order().ToList();
        await editor.ApplyAsync(tool, form, cancellationToken);
        var changes = editor.Changes(tool);
        var now = clock.GetUtcNow().UtcDateTime;

        // Only a moderator's "I reviewed it" moves the review date: a typo fixed is not a check of the whole tool.
        if (form.MarksReviewed)
        {
            tool.LastReviewedAt = now;
        }

        db.Audit(User, now, AuditActions.ToolEdited, "tool", tool.Slug, new
        {
            changes,
            reviewed = form.MarksReviewed,
            skills = new[] { skillsBefore, form.Skills.Order().ToList() },
            personas = new[] { personasBefore, tool.Personas.Select(p => $"{p.Persona.Slug}: {p.Why}").Order().ToList() },
        });
        await db.SaveChangesAsync(cancellationToken);

        TempData[Flash.Success] = $"{tool.Name} has been updated";
        return Redirect($"/staff/tools/{tool.Slug}/edit");
    }

    [HttpPost("{slug}/retire")]
    public Task<IActionResult> Retire(string slug, CancellationToken cancellationToken) =>
        SetStatusAsync(slug, ToolStatus.Retired, AuditActions.ToolRetired, "has been retired: it no longer appears in lists or search", cancellationToken);

    [HttpPost("{slug}/restore")]
    public Task<IActionResult> Restore(string slug, CancellationToken cancellationToken) =>
        SetStatusAsync(slug, ToolStatus.Published, AuditActions.ToolRestored, "has been restored and is published again", cancellationToken);

    private async Task<IActionResult> SetStatusAsync(string slug, ToolStatus status, string action, string message, CancellationToken cancellationToken)
    {
        var tool = await db.Tools.SingleOrDefaultAsync(t => t.Slug == slug, cancellationToken);
        if (tool is null)
        {
            return NotFound();
        }

        if (tool.Status != status)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            db.Audit(User, now, action, "tool", tool.Slug, new { status = new[] { tool.Status.ToString(), status.ToString() } });
            tool.Status = status;
            await db.SaveChangesAsync(cancellationToken);
        }

        TempData[Flash.Success] = $"{tool.Name} {message}";
        return Redirect($"/staff/tools/{tool.Slug}/edit");
    }

    private Task<Tool?> LoadAsync(string slug, CancellationToken cancellationToken) =>
        db.Tools
            .Include(t => t.Skills).ThenInclude(s => s.Skill)
            .Include(t => t.Personas).ThenInclude(p => p.Persona)
            .AsSplitQuery()
            .SingleOrDefaultAsync(t => t.Slug == slug, cancellationToken);
}

public record StaffToolRow(string Slug, string Name, ToolStatus Status, string Source, DateTime AddedAt);

public record StaffToolsPage(Paged<StaffToolRow> Tools, string? Query, string Status);

public record EditToolPage(string Slug, string Name, ToolStatus Status, DateTime AddedAt, DateTime? LastReviewedAt, ToolFormPage Form);
