using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PersonaCatalogue.Core.Catalogue;
using PersonaCatalogue.Core.Data;
using PersonaCatalogue.Core.Data.Entities;
using PersonaCatalogue.Web.Features.Staff.Tools;
using PersonaCatalogue.Web.Infrastructure;

namespace PersonaCatalogue.Web.Features.Staff.Suggestions;

/// <summary>Approving a suggestion: the tool form filled in from it, then publishing the tool.</summary>
[Authorize(Roles = StaffRoles.AnyStaff)]
[Route("staff/suggestions")]
public class ApproveSuggestionController(
    CatalogueDbContext db, ToolEditor editor, SuggestionDecisions decisions, CatalogueVocabulary vocabulary) : Controller
{
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
            return this.AlreadyDecided(suggestion);
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
            return this.AlreadyDecided(suggestion);
        }

        var options = await vocabulary.GetAsync(db, cancellationToken);
        var page = new ApprovePage(suggestion, version, new ToolFormPage(form, options, SlugEditable: true));
        var result = (await editor.ValidatorAsync(options, form, editingToolId: null, cancellationToken)).Validate(form);
        if (!result.IsValid || form.IsPreview)
        {
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

        var outcome = await decisions.PublishAsync(suggestion, version, tool, published, User, Request.Origin(), cancellationToken);
        if (outcome == DecisionOutcome.SlugTaken)
        {
            ModelState.AddModelError(nameof(ToolForm.Slug), "Another tool already uses this address; choose a different one");
            Response.StatusCode = StatusCodes.Status409Conflict;
            return View(page);
        }

        return await this.AnswerAsync(db, id, outcome, $"{tool.Name} is published", cancellationToken);
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
