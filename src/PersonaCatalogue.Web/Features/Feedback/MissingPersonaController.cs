using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using PersonaCatalogue.Core.Catalogue;
using PersonaCatalogue.Core.Data;
using PersonaCatalogue.Web.Infrastructure;

namespace PersonaCatalogue.Web.Features.Feedback;

/// <summary>
/// "Is someone missing?": a role the personas do not cover. Its literal path wins over <c>/personas/{slug}</c> by
/// route precedence, and the importer refuses a persona with the slug "suggest", so the two never meet.
/// </summary>
public class MissingPersonaController(CatalogueDbContext db, TimeProvider clock) : Controller
{
    public const string Slug = Slugs.MissingPersonaPage;
    public const string FormPath = "/personas/" + Slug;
    public const string SentPath = FormPath + "/sent";

    [HttpGet(FormPath)]
    public IActionResult Form() => View("MissingPersona", new MissingPersonaForm());

    [HttpPost(FormPath)]
    [EnableRateLimiting(RateLimits.PublicForms)]
    public async Task<IActionResult> Form(MissingPersonaForm form, CancellationToken cancellationToken)
    {
        if (form.IsFromABot)
        {
            return Redirect(SentPath);
        }

        form.NormaliseLineBreaks();
        var result = new MissingPersonaFormValidator().Validate(form);
        if (!result.IsValid)
        {
            return this.InvalidForm(result, form, "MissingPersona");
        }

        db.MissingPersonaFeedback.Add(form.ToFeedback(clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(cancellationToken);
        return Redirect(SentPath);
    }

    [HttpGet(SentPath)]
    public IActionResult Sent() => View("MissingPersonaSent");
}
