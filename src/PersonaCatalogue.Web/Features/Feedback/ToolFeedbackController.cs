using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using PersonaCatalogue.Core.Data;
using PersonaCatalogue.Web.Features.Tools;
using PersonaCatalogue.Web.Infrastructure;

namespace PersonaCatalogue.Web.Features.Feedback;

/// <summary>
/// "Did this tool help you?", answered on the tool page itself: errors show the tool page again with the answers kept;
/// an answer that is stored (or a bot's, which is not) goes back to the tool page with a thank-you banner.
/// </summary>
[Route("tools/{slug}/feedback")]
public class ToolFeedbackController(CatalogueDbContext db, TimeProvider clock) : Controller
{
    public const string Thanks = "Thank you. Your answer has been sent.";

    /// <summary>Someone who reloads the address an error page was posted to lands back on the tool.</summary>
    [HttpGet("")]
    public IActionResult Form(string slug) => Redirect(ToolUrl(Uri.EscapeDataString(slug)));

    [HttpPost("")]
    [EnableRateLimiting(RateLimits.PublicForms)]
    public async Task<IActionResult> Form(string slug, ToolFeedbackForm form, CancellationToken cancellationToken)
    {
        var toolId = await db.Tools.Where(t => t.Slug == slug).Select(t => (int?)t.Id).SingleOrDefaultAsync(cancellationToken);
        if (toolId is null)
        {
            return NotFound();
        }

        if (form.IsFromABot)
        {
            TempData[Flash.Success] = Thanks;
            return Redirect(ToolUrl(slug));
        }

        form.NormaliseLineBreaks();
        var result = new ToolFeedbackFormValidator().Validate(form);
        if (!result.IsValid)
        {
            // The tool was found above, so its page loads.
            return this.InvalidForm(result, (await ToolDetail.LoadAsync(db, slug, form, cancellationToken))!, "~/Features/Tools/Detail.cshtml");
        }

        db.ToolFeedback.Add(form.ToFeedback(toolId.Value, clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(cancellationToken);
        TempData[Flash.Success] = Thanks;
        return Redirect(ToolUrl(slug));
    }

    private static string ToolUrl(string slug) => $"/tools/{slug}";
}
