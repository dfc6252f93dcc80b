using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PersonaCatalogue.Core.Data;
using PersonaCatalogue.Core.Data.Entities;
using PersonaCatalogue.Web.Features.Shared;
using PersonaCatalogue.Web.Features.Staff.Tools;
using PersonaCatalogue.Web.Features.Tools;
using PersonaCatalogue.Web.Infrastructure;
using PersonaCatalogue.Core.Catalogue;

namespace PersonaCatalogue.Web.Features.Staff.Suggestions;

/// <summary>The moderation queue and the three decisions, which <see cref="SuggestionDecisions"/> records.</summary>
[Authorize(Roles = StaffRoles.AnyStaff)]
[Route("staff/suggestions")]
public class StaffSuggestionsController(
    CatalogueDbContext db, DuplicateFinder duplicates, ToolEditor editor, SuggestionDecisions decisions, CatalogueVocabulary vocabulary, TimeProvider clock) : Controller
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

        // Waiting suggestions oldest first, so nothing is left behind; decided ones newest first.
        var suggestions = await query.ToPagedAsync(page, PageSize, matches =>
            filter == SuggestionStatus.Submitted ? matches.OrderBy(s => s.CreatedAt) : matches.OrderByDescending(s => s.CreatedAt), cancellationToken);
        var flags = await duplicates.FindAsync(suggestions, cancellationToken);

        return View(new SuggestionQueue(
            suggestions.ConvertAll(s => new QueueRow(s, flags[s.Id])),
            showAll ? "all" : filter!.Value.ToString().ToLowerInvariant(),
            clock.GetUtcNow().UtcDateTime));
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
            return await ReviewPageAsync(id, form, cancellationToken) is { } page ? this.InvalidForm(result, page, nameof(Review)) : NotFound();
        }

        return await DecideAsync(id, suggestion => decisions.RejectAsync(suggestion, form.Version, form.Reason!, User, cancellationToken),
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
            return await ReviewPageAsync(id, form, cancellationToken) is { } page ? this.InvalidForm(page, nameof(Review)) : NotFound();
        }

        return await DecideAsync(id, suggestion => decisions.MarkDuplicateAsync(suggestion, form.Version, tool, User, cancellationToken),
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
            var page = new ApprovePage(suggestion, version, new ToolFormPage(form, options, SlugEditable: true));
            return result.IsValid ? View(page) : this.InvalidForm(result, page);
        }

        var tool = new Tool { Slug = form.Slug!, Name = form.Name!, Url = form.Url! };
        await editor.ApplyAsync(tool, form, cancellationToken);
        var published = new
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
        };

        switch (await decisions.PublishAsync(suggestion, version, tool, published, User, cancellationToken))
        {
            case DecisionOutcome.AlreadyDecided:
                return AlreadyDecided(await db.ToolSuggestions.AsNoTracking().SingleAsync(s => s.Id == id, cancellationToken));
            case DecisionOutcome.SlugTaken:
                ModelState.AddModelError(nameof(ToolForm.Slug), "Another tool already uses this address; choose a different one");
                Response.StatusCode = StatusCodes.Status409Conflict;
                return View(new ApprovePage(suggestion, version, new ToolFormPage(form, options, SlugEditable: true)));
        }

        TempData[Flash.Success] = $"{tool.Name} is published";
        return Redirect($"/staff/suggestions/{id}");
    }

    private async Task<IActionResult> DecideAsync(int id, Func<ToolSuggestion, Task<DecisionOutcome>> decide, string message, CancellationToken cancellationToken)
    {
        var suggestion = await db.ToolSuggestions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (suggestion is null)
        {
            return NotFound();
        }

        if (await decide(suggestion) == DecisionOutcome.AlreadyDecided)
        {
            return AlreadyDecided(await db.ToolSuggestions.AsNoTracking().SingleAsync(s => s.Id == id, cancellationToken));
        }

        TempData[Flash.Success] = message;
        return Redirect($"/staff/suggestions/{id}");
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
        var slug = await decisions.FreeSlugAsync(suggestion, cancellationToken);
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

public record SuggestionQueue(Paged<QueueRow> Rows, string Status, DateTime Now)
{
    public int AgeInDays(ToolSuggestion s) => (int)(Now - s.CreatedAt).TotalDays;
}

public record ReviewPage(ToolSuggestion Suggestion, List<DuplicateFlag> Flags, List<string> PersonaNames, List<string> SkillNames, DecisionForm Form);

public record ApprovePage(ToolSuggestion Suggestion, Guid Version, ToolFormPage Form);
