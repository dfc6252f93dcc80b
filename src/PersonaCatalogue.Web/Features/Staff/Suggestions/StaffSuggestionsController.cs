using FluentValidation;
using FluentValidation.AspNetCore;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PersonaCatalogue.Core.Data;
using PersonaCatalogue.Core.Data.Entities;
using PersonaCatalogue.Web.Features.Shared;
using PersonaCatalogue.Core.Audit;
using PersonaCatalogue.Web.Features.Staff.Tools;
using PersonaCatalogue.Web.Features.Tools;
using PersonaCatalogue.Web.Infrastructure;
using PersonaCatalogue.Core.Catalogue;
using PersonaCatalogue.Core.Email;

namespace PersonaCatalogue.Web.Features.Staff.Suggestions;

/// <summary>
/// The moderation queue and the three decisions. Each decision first claims the suggestion with one UPDATE that
/// matches its concurrency token (Version) and status, inside a transaction: when two moderators decide at once,
/// exactly one claim matches, and the other is told who decided it. Nothing is published twice.
/// </summary>
[Authorize(Roles = StaffRoles.AnyStaff)]
[Route("staff/suggestions")]
public class StaffSuggestionsController(CatalogueDbContext db, DuplicateFinder duplicates, ToolEditor editor, CatalogueVocabulary vocabulary, TimeProvider clock, DecisionEmails emails) : Controller
{
    public const int PageSize = 50;
    public const int OverdueDays = 14;

    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] string? status, [FromQuery] int page = 1, CancellationToken cancellationToken = default)
    {
        var filter = Enum.TryParse<SuggestionStatus>(status, ignoreCase: true, out var parsed) ? parsed : (SuggestionStatus?)null;
        var showAll = status == "all";
        filter ??= showAll ? null : SuggestionStatus.Submitted;

        var query = db.ToolSuggestions.AsNoTracking();
        if (filter is not null)
        {
            query = query.Where(s => s.Status == filter);
        }

        var total = await query.CountAsync(cancellationToken);
        var pageCount = Math.Max(1, (int)Math.Ceiling(total / (double)PageSize));
        page = Math.Clamp(page, 1, pageCount);
        // Waiting suggestions oldest first, so nothing is left behind; decided ones newest first.
        var ordered = filter == SuggestionStatus.Submitted ? query.OrderBy(s => s.CreatedAt) : query.OrderByDescending(s => s.CreatedAt);
        var suggestions = await ordered.Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        var flags = await duplicates.FindAsync(suggestions, cancellationToken);

        return View(new SuggestionQueue(
            suggestions.Select(s => new QueueRow(s, flags[s.Id])).ToList(),
            showAll ? "all" : filter!.Value.ToString().ToLowerInvariant(),
            page, pageCount, total, clock.GetUtcNow().UtcDateTime));
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Review(int id, CancellationToken cancellationToken)
    {
        var page = await ReviewPageAsync(id, new DecisionForm(), cancellationToken);
        return page is null ? NotFound() : View(page);
    }

    [HttpPost("{id:int}/reject")]
    public async Task<IActionResult> Reject(int id, DecisionForm form, CancellationToken cancellationToken)
    {
        var result = new RejectFormValidator().Validate(form);
        if (!result.IsValid)
        {
            result.AddToModelState(ModelState);
            var page = await ReviewPageAsync(id, form, cancellationToken);
            if (page is null)
            {
                return NotFound();
            }

            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(nameof(Review), page);
        }

        return await DecideAsync(id, form.Version, SuggestionStatus.Rejected, form.Reason, tool: null, AuditActions.SuggestionRejected, new { reason = form.Reason },
            "Suggestion rejected. The suggester will see your reason on their status page", cancellationToken);
    }

    [HttpPost("{id:int}/duplicate")]
    public async Task<IActionResult> Duplicate(int id, DecisionForm form, CancellationToken cancellationToken)
    {
        var tool = form.ToolSlug is null ? null : await db.Tools.AsNoTracking().SingleOrDefaultAsync(t => t.Slug == form.ToolSlug, cancellationToken);
        if (tool is null)
        {
            ModelState.AddModelError(nameof(DecisionForm.ToolSlug), form.ToolSlug is null
                ? "Enter the address of the tool it duplicates"
                : "There is no tool with that address; check it against the tools list");
            var page = await ReviewPageAsync(id, form, cancellationToken);
            if (page is null)
            {
                return NotFound();
            }

            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(nameof(Review), page);
        }

        return await DecideAsync(id, form.Version, SuggestionStatus.Duplicate, reason: null, tool.Id, AuditActions.SuggestionDuplicate, new { tool = tool.Slug },
            $"Suggestion marked as a duplicate of {tool.Name}", cancellationToken);
    }

    [HttpGet("{id:int}/approve")]
    public async Task<IActionResult> Approve(int id, CancellationToken cancellationToken)
    {
        var suggestion = await db.ToolSuggestions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (suggestion is null)
        {
            return NotFound();
        }

        if (suggestion.Status != SuggestionStatus.Submitted)
        {
            return AlreadyDecided(suggestion);
        }

        var options = await vocabulary.GetAsync(db, cancellationToken);
        var form = await PrefillAsync(suggestion, options, cancellationToken);
        return View(new ApprovePage(suggestion, suggestion.Version, new ToolFormPage(form, options, SlugEditable: true)));
    }

    [HttpPost("{id:int}/approve")]
    public async Task<IActionResult> Approve(int id, ToolForm form, Guid version, CancellationToken cancellationToken)
    {
        var suggestion = await db.ToolSuggestions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (suggestion is null)
        {
            return NotFound();
        }

        if (suggestion.Status != SuggestionStatus.Submitted || suggestion.Version != version)
        {
            return AlreadyDecided(suggestion);
        }

        var options = await vocabulary.GetAsync(db, cancellationToken);
        var result = (await editor.ValidatorAsync(options, form, editingToolId: null, cancellationToken)).Validate(form);
        if (!result.IsValid || form.IsPreview)
        {
            result.AddToModelState(ModelState);
            Response.StatusCode = result.IsValid ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest;
            return View(new ApprovePage(suggestion, version, new ToolFormPage(form, options, SlugEditable: true)));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var tool = new Tool { Slug = form.Slug!, Name = form.Name!, Url = form.Url!, AddedAt = now, LastReviewedAt = now, Source = suggestion.Reference };
        await editor.ApplyAsync(tool, form, cancellationToken);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await ClaimAsync(id, version, SuggestionStatus.Approved, reason: null, now, cancellationToken) == 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            return AlreadyDecided(await db.ToolSuggestions.AsNoTracking().SingleAsync(s => s.Id == id, cancellationToken));
        }

        try
        {
            db.Tools.Add(tool);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another tool took the slug between validation and saving.
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            ModelState.AddModelError(nameof(ToolForm.Slug), "Another tool already uses this address; choose a different one");
            Response.StatusCode = StatusCodes.Status409Conflict;
            return View(new ApprovePage(suggestion, version, new ToolFormPage(form, options, SlugEditable: true)));
        }

        await db.ToolSuggestions.Where(s => s.Id == id).ExecuteUpdateAsync(u => u.SetProperty(s => s.ToolId, tool.Id), cancellationToken);
        await emails.QueueAsync(db, id, $"{Request.Scheme}://{Request.Host}", cancellationToken);
        db.Audit(User, now, AuditActions.SuggestionApproved, "suggestion", suggestion.Reference, new { tool = tool.Slug });
        db.Audit(User, now, AuditActions.ToolPublished, "tool", tool.Slug, new
        {
            form.Name,
            form.Url,
            form.Summary,
            form.Kind,
            form.Cost,
            form.Open,
            form.Publisher,
            form.Skills,
            personas = tool.Personas.Select(p => new { persona = p.Persona.Slug, p.Why }),
            from = suggestion.Reference,
        });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        TempData[Flash.Success] = $"{tool.Name} is published";
        return Redirect($"/staff/suggestions/{id}");
    }

    private async Task<IActionResult> DecideAsync(
        int id, Guid version, SuggestionStatus status, string? reason, int? tool, string action, object details, string message, CancellationToken cancellationToken)
    {
        var suggestion = await db.ToolSuggestions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (suggestion is null)
        {
            return NotFound();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await ClaimAsync(id, version, status, reason, now, cancellationToken, tool) == 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            return AlreadyDecided(await db.ToolSuggestions.AsNoTracking().SingleAsync(s => s.Id == id, cancellationToken));
        }

        db.Audit(User, now, action, "suggestion", suggestion.Reference, details);
        await emails.QueueAsync(db, id, $"{Request.Scheme}://{Request.Host}", cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        TempData[Flash.Success] = message;
        return Redirect($"/staff/suggestions/{id}");
    }

    /// <summary>Records the decision only if nobody has decided since this moderator loaded the page. Returns the rows changed: 1 or 0.</summary>
    private Task<int> ClaimAsync(int id, Guid version, SuggestionStatus status, string? reason, DateTime now, CancellationToken cancellationToken, int? toolId = null)
    {
        var newVersion = Guid.NewGuid();
        var moderator = User.Identity!.Name;
        return db.ToolSuggestions
            .Where(s => s.Id == id && s.Version == version && s.Status == SuggestionStatus.Submitted)
            .ExecuteUpdateAsync(u => u
                .SetProperty(s => s.Status, status)
                .SetProperty(s => s.Reason, reason)
                .SetProperty(s => s.ToolId, toolId)
                .SetProperty(s => s.DecidedBy, moderator)
                .SetProperty(s => s.DecidedAt, now)
                .SetProperty(s => s.Version, newVersion), cancellationToken);
    }

    private ViewResult AlreadyDecided(ToolSuggestion suggestion)
    {
        Response.StatusCode = StatusCodes.Status409Conflict;
        return View("AlreadyDecided", suggestion);
    }

    private async Task<ReviewPage?> ReviewPageAsync(int id, DecisionForm form, CancellationToken cancellationToken)
    {
        var suggestion = await db.ToolSuggestions.AsNoTracking().Include(s => s.Tool).SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (suggestion is null)
        {
            return null;
        }

        var flags = (await duplicates.FindAsync([suggestion], cancellationToken))[suggestion.Id];
        var personas = await db.Personas.AsNoTracking().Where(p => suggestion.PersonaSlugs.Contains(p.Slug)).Select(p => p.Name + ", " + p.Role).ToListAsync(cancellationToken);
        var skills = await db.Skills.AsNoTracking().Where(s => suggestion.SkillSlugs.Contains(s.Slug)).Select(s => s.Name).ToListAsync(cancellationToken);
        form.ToolSlug ??= flags.FirstOrDefault(f => f.ToolSlug is not null)?.ToolSlug;
        if (form.Version == Guid.Empty)
        {
            form.Version = suggestion.Version;
        }

        return new ReviewPage(suggestion, flags, personas, skills, form);
    }

    private async Task<ToolForm> PrefillAsync(ToolSuggestion suggestion, Vocabulary options, CancellationToken cancellationToken)
    {
        var taken = (await db.Tools.Select(t => t.Slug).ToListAsync(cancellationToken)).ToHashSet();
        var baseSlug = SlugFrom(suggestion.ToolName);
        var slug = baseSlug;
        for (var n = 2; taken.Contains(slug); n++)
        {
            slug = $"{baseSlug}-{n}";
        }

        var firstLine = suggestion.WhatItDoes.Split('\n')[0].Trim();
        return new ToolForm
        {
            Name = suggestion.ToolName,
            Slug = slug,
            Url = suggestion.Url,
            Summary = firstLine.Length <= FieldLengths.Summary ? firstLine : firstLine[..(FieldLengths.Summary - 1)].TrimEnd() + "…",
            Description = suggestion.WhatItDoes,
            Cost = suggestion.Cost is { } cost ? ToolTerms.Slug(cost) : null,
            Skills = suggestion.SkillSlugs.Where(s => options.Areas.SelectMany(a => a.Skills).Any(o => o.Value == s)).ToList(),
            Personas = suggestion.PersonaSlugs.Where(p => options.Personas.Any(o => o.Value == p)).ToList(),
        };
    }

    public static string SlugFrom(string name)
    {
        var chars = name.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray();
        var slug = string.Join('-', new string(chars).Split('-', StringSplitOptions.RemoveEmptyEntries));
        slug = slug.Length > 60 ? slug[..60].TrimEnd('-') : slug;
        return slug.Length == 0 ? "tool" : slug;
    }
}

/// <summary>The reject and duplicate forms on the review page; Version is the concurrency token the page was loaded with.</summary>
public class DecisionForm
{
    public Guid Version { get; set; }
    public string? Reason { get; set; }
    public string? ToolSlug { get; set; }
}

public class RejectFormValidator : AbstractValidator<DecisionForm>
{
    public RejectFormValidator()
    {
        RuleFor(f => f.Reason).NotEmpty().WithMessage("Enter the reason, which the suggester will see")
            .MaximumLength(FieldLengths.Reason).WithMessage($"Reason must be {FieldLengths.Reason} characters or fewer")
            .NoControlCharacters("Reason");
    }
}

public static class SuggestionStatusTag
{
    public static TagModel For(SuggestionStatus status) => status switch
    {
        SuggestionStatus.Submitted => new("Waiting for review", "blue"),
        SuggestionStatus.Approved => new("Published", "green"),
        SuggestionStatus.Rejected => new("Rejected", "red"),
        _ => new("Duplicate", "grey"),
    };
}

public record QueueRow(ToolSuggestion Suggestion, List<DuplicateFlag> Flags);

public record SuggestionQueue(List<QueueRow> Rows, string Status, int Page, int PageCount, int Total, DateTime Now)
{
    public int AgeInDays(ToolSuggestion s) => (int)(Now - s.CreatedAt).TotalDays;
}

public record ReviewPage(ToolSuggestion Suggestion, List<DuplicateFlag> Flags, List<string> PersonaNames, List<string> SkillNames, DecisionForm Form);

public record ApprovePage(ToolSuggestion Suggestion, Guid Version, ToolFormPage Form);
