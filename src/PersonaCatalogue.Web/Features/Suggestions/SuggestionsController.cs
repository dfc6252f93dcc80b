using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using PersonaCatalogue.Core.Catalogue;
using PersonaCatalogue.Core.Data;
using PersonaCatalogue.Core.Data.Entities;
using PersonaCatalogue.Web.Features.Tools;
using PersonaCatalogue.Web.Infrastructure;

namespace PersonaCatalogue.Web.Features.Suggestions;

/// <summary>
/// The public half of the suggestion loop: the form, the confirmation with the private status link, and the status
/// page. Redirects are built by hand: LowercaseUrls would lowercase the case-sensitive token in a generated URL.
/// </summary>
public class SuggestionsController(CatalogueDbContext db, CatalogueVocabulary vocabulary, TimeProvider clock) : Controller
{
    public const string FormPath = "/suggest-a-tool";
    public const string ReceivedPath = "/suggest-a-tool/received";
    public const string ConfirmationPath = "/suggest-a-tool/confirmation/";
    public const string StatusPath = "/suggestions/";

    [HttpGet(FormPath)]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(new SuggestToolPage(new SuggestToolForm(), await vocabulary.GetAsync(db, cancellationToken)));

    [HttpPost(FormPath)]
    [EnableRateLimiting(RateLimits.PublicForms)]
    public async Task<IActionResult> Index(SuggestToolForm form, CancellationToken cancellationToken)
    {
        if (form.IsFromABot)
        {
            return Redirect(ReceivedPath);
        }

        var options = await vocabulary.GetAsync(db, cancellationToken);
        var validator = new SuggestToolFormValidator(
            options.Personas.Select(p => p.Value).ToHashSet(StringComparer.Ordinal),
            options.Areas.SelectMany(a => a.Skills).Select(s => s.Value).ToHashSet(StringComparer.Ordinal));
        var result = validator.Validate(form);
        if (!result.IsValid)
        {
            return this.InvalidForm(result, new SuggestToolPage(form, options));
        }

        var suggestion = new ToolSuggestion
        {
            Reference = SuggestionCodes.NewReference(),
            StatusToken = SuggestionCodes.NewStatusToken(),
            ToolName = form.ToolName!,
            Url = form.Url!,
            NormalisedUrl = UrlNormaliser.Normalise(form.Url!),
            WhatItDoes = form.WhatItDoes!,
            PersonaSlugs = form.TickedPersonas.Where(p => p != SuggestToolForm.SomeoneElseValue).ToList(),
            SomeoneElse = form.SomeoneElse,
            SkillSlugs = [.. form.TickedSkills],
            Cost = form.ToolCost,
            SuggesterName = form.SuggesterName,
            SuggesterEmail = form.SuggesterEmail,
            SuggesterOrganisation = form.SuggesterOrganisation,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.ToolSuggestions.Add(suggestion);
        await SuggestionCodes.SaveAsync(db, suggestion, cancellationToken);

        return Redirect(ConfirmationPath + suggestion.StatusToken);
    }

    [HttpGet(ReceivedPath)]
    public IActionResult Received() => View();

    [HttpGet(ConfirmationPath + "{token}")]
    [ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
    public async Task<IActionResult> Confirmation(string token, CancellationToken cancellationToken)
    {
        var reference = await db.ToolSuggestions.AsNoTracking()
            .Where(s => s.StatusToken == token)
            .Select(s => s.Reference)
            .SingleOrDefaultAsync(cancellationToken);

        return reference is null
            ? NotFound()
            : View(new SuggestionConfirmation(reference, Request.Origin() + StatusPath + token));
    }

    [HttpGet(StatusPath + "{token}")]
    [ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
    public async Task<IActionResult> Status(string token, CancellationToken cancellationToken)
    {
        var page = await db.ToolSuggestions.AsNoTracking()
            .Where(s => s.StatusToken == token)
            .Select(s => new SuggestionStatusPage(
                s.Reference, s.ToolName, s.Url, s.WhatItDoes, s.Status, s.Reason, s.CreatedAt,
                s.Tool == null ? null : s.Tool.Slug,
                s.Tool == null ? null : s.Tool.Name))
            .SingleOrDefaultAsync(cancellationToken);

        return page is null ? NotFound() : View(page);
    }
}
