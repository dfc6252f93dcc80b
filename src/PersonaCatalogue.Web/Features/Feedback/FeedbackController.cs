using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using PersonaCatalogue.Core.Data;
using PersonaCatalogue.Core.Data.Entities;
using PersonaCatalogue.Web.Infrastructure;

namespace PersonaCatalogue.Web.Features.Feedback;

/// <summary>The public persona feedback form: GET shows it, POST stores the answers and redirects to a confirmation.</summary>
[Route("personas/{slug}/feedback")]
public class FeedbackController(CatalogueDbContext db, TimeProvider clock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Form(string slug, CancellationToken cancellationToken)
    {
        var persona = await FindAsync(slug, cancellationToken);
        return persona is null ? NotFound() : View(new PersonaFeedbackPage(PersonaHeading.From(persona), new PersonaFeedbackForm()));
    }

    [HttpPost("")]
    [EnableRateLimiting(RateLimits.PublicForms)]
    public async Task<IActionResult> Form(string slug, PersonaFeedbackForm form, CancellationToken cancellationToken)
    {
        var persona = await FindAsync(slug, cancellationToken);
        if (persona is null)
        {
            return NotFound();
        }

        if (form.IsFromABot)
        {
            return Redirect(ConfirmationUrl(persona.Slug));
        }

        form.NormaliseLineBreaks();
        var result = new PersonaFeedbackFormValidator().Validate(form);
        if (!result.IsValid)
        {
            return this.InvalidForm(result, new PersonaFeedbackPage(PersonaHeading.From(persona), form));
        }

        db.PersonaFeedback.Add(form.ToFeedback(persona, clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(cancellationToken);
        return Redirect(ConfirmationUrl(persona.Slug));
    }

    [HttpGet("sent")]
    public async Task<IActionResult> Sent(string slug, CancellationToken cancellationToken)
    {
        var persona = await FindAsync(slug, cancellationToken);
        return persona is null ? NotFound() : View(PersonaHeading.From(persona));
    }

    private static string ConfirmationUrl(string slug) => $"/personas/{slug}/feedback/sent";

    private Task<Persona?> FindAsync(string slug, CancellationToken cancellationToken) =>
        db.Personas.AsNoTracking().SingleOrDefaultAsync(p => p.Slug == slug, cancellationToken);
}

public record PersonaHeading(string Slug, string Name, string Role, int Iteration)
{
    public static PersonaHeading From(Persona persona) => new(persona.Slug, persona.Name, persona.Role, persona.Iteration);
}

public record PersonaFeedbackPage(PersonaHeading Persona, PersonaFeedbackForm Form);
