using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using PersonaCatalogue.Core.Audit;
using PersonaCatalogue.Core.Catalogue;
using PersonaCatalogue.Core.Data;
using PersonaCatalogue.Core.Data.Entities;
using PersonaCatalogue.Web.Features.Feedback;
using PersonaCatalogue.Web.Features.Shared;
using PersonaCatalogue.Web.Infrastructure;

namespace PersonaCatalogue.Web.Features.Staff.Feedback;

/// <summary>
/// The feedback inbox: filter, triage (reviewed, spam, publish or withdraw a comment) and export. The triage actions
/// work on <see cref="FeedbackItem"/>, the part every kind of feedback shares; each one is audited.
/// </summary>
[Authorize(Roles = StaffRoles.AnyStaff)]
[Route("staff/feedback")]
public class StaffFeedbackController(CatalogueDbContext db, TimeProvider clock) : Controller
{
    public const int PageSize = 25;
    public const string Home = "/staff/feedback";

    [HttpGet("")]
    public async Task<IActionResult> Index(
        [FromQuery] string? persona, [FromQuery] string? iteration, [FromQuery] string? status, [FromQuery] string? kind, [FromQuery] string? area,
        [FromQuery] int page = 1, CancellationToken cancellationToken = default)
    {
        var filter = FeedbackFilter.Parse(persona, iteration, status, kind, area);
        var showEmail = User.IsInRole(StaffRoles.Administrator);
        var query = filter.Apply(db.Feedback.AsNoTracking());
        var rows = await query.ToPagedAsync(page, PageSize, feedback => FeedbackRow.Query(feedback, showEmail), cancellationToken);

        var personas = await db.Personas.AsNoTracking()
            .OrderBy(p => p.Order).ThenBy(p => p.Name)
            .Select(p => new PersonaChoice(p.Slug, p.Name, p.Role, p.Iteration))
            .ToListAsync(cancellationToken);
        var iterations = await db.PersonaIterations.AsNoTracking().Select(i => i.Number)
            .Union(db.PersonaFeedback.Select(f => f.Iteration))
            .OrderBy(n => n)
            .ToListAsync(cancellationToken);
        var areas = await db.SkillAreas.AsNoTracking().OrderBy(a => a.Order).Select(a => new VocabularyTerm(a.Slug, a.Name)).ToListAsync(cancellationToken);

        var chosen = personas.FirstOrDefault(p => p.Slug == filter.Persona);
        List<FeedbackSummary> summaries = [];
        List<FeedbackOverviewRow> overview = [];
        List<ToolFeedbackOverviewRow> tools = [];
        if (chosen is not null)
        {
            var ofPersona = db.PersonaFeedback.AsNoTracking().Where(f => f.Persona.Slug == chosen.Slug);
            if (filter.Iteration is { } number)
            {
                ofPersona = ofPersona.Where(f => f.Iteration == number);
            }

            summaries = (await FeedbackSummary.ByIterationAsync(ofPersona, cancellationToken))
                .Select(s => s.WithIdSuffix($"-{s.Iteration}"))
                .ToList();
        }
        else if (filter.KindValue == FeedbackKind.Tool)
        {
            tools = await ToolFeedbackOverviewRow.LoadAsync(db, cancellationToken);
        }
        else if (filter.KindValue is null or FeedbackKind.Persona)
        {
            overview = await FeedbackOverviewRow.LoadAsync(db, personas, cancellationToken);
        }

        var currentUrl = Home + filter.QueryString(rows.Page);
        return View(new StaffFeedbackPage(filter, personas, iterations, rows, showEmail, chosen, summaries, overview, currentUrl)
        {
            Areas = areas,
            ToolOverview = tools,
        });
    }

    /// <summary>The filtered view as CSV, every page of it. Email addresses are included for administrators only.</summary>
    [HttpGet("export.csv")]
    public async Task Export(
        [FromQuery] string? persona, [FromQuery] string? iteration, [FromQuery] string? status, [FromQuery] string? kind, [FromQuery] string? area,
        CancellationToken cancellationToken)
    {
        var filter = FeedbackFilter.Parse(persona, iteration, status, kind, area);
        var withEmail = User.IsInRole(StaffRoles.Administrator);
        var now = clock.GetUtcNow().UtcDateTime;
        db.Audit(User, now, AuditActions.FeedbackExported, "feedback", "export", new { filter.Persona, filter.Iteration, filter.Status, filter.Kind, filter.Area, withEmail });
        await db.SaveChangesAsync(cancellationToken);

        Response.ContentType = FeedbackCsv.ContentType;
        Response.Headers.CacheControl = "no-store";
        Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileName = $"feedback-{now:yyyy-MM-dd}.csv" }.ToString();
        var rows = FeedbackRow.Query(filter.Apply(db.Feedback.AsNoTracking()), withEmail).AsAsyncEnumerable();
        await FeedbackCsv.WriteAsync(Response.Body, rows, withEmail, cancellationToken);
    }

    /// <summary>How many support needs name each skill area, spam left out: where people most need help.</summary>
    [HttpGet("support-needs")]
    public async Task<IActionResult> SupportNeeds(CancellationToken cancellationToken) =>
        View(await SupportNeedsByArea.LoadAsync(db, cancellationToken));

    [HttpPost("{id:int}/review")]
    public Task<IActionResult> MarkReviewed(int id, string? returnUrl, CancellationToken cancellationToken) =>
        TriageAsync(id, returnUrl, AuditActions.FeedbackReviewed, "marked as reviewed", refuse: _ => null,
            (item, by, at) => item.MarkReviewed(by, at), cancellationToken);

    [HttpPost("{id:int}/spam")]
    public Task<IActionResult> MarkSpam(int id, string? returnUrl, CancellationToken cancellationToken) =>
        TriageAsync(id, returnUrl, AuditActions.FeedbackSpam, "marked as spam: it no longer counts anywhere", refuse: _ => null,
            (item, by, at) => item.MarkSpam(by, at), cancellationToken);

    [HttpPost("{id:int}/publish")]
    public Task<IActionResult> Publish(int id, string? returnUrl, CancellationToken cancellationToken) =>
        TriageAsync(id, returnUrl, AuditActions.FeedbackCommentPublished, "comment published on the persona page", FeedbackTriage.WhyNotPublishable,
            (item, by, at) => item.PublishComment(by, at), cancellationToken);

    [HttpPost("{id:int}/withdraw")]
    public Task<IActionResult> Withdraw(int id, string? returnUrl, CancellationToken cancellationToken) =>
        TriageAsync(id, returnUrl, AuditActions.FeedbackCommentWithdrawn, "comment withdrawn from the persona page", refuse: _ => null,
            (item, by, at) => item.WithdrawComment(by, at), cancellationToken);

    /// <summary>Loads the feedback, refuses with the reason or applies the change, audits it, and returns to the inbox.</summary>
    private async Task<IActionResult> TriageAsync(
        int id, string? returnUrl, string action, string done, Func<FeedbackItem, string?> refuse, Func<FeedbackItem, string, DateTime, object?> apply,
        CancellationToken cancellationToken)
    {
        var back = returnUrl is not null && Url.IsLocalUrl(returnUrl) && returnUrl.StartsWith(Home, StringComparison.Ordinal) ? returnUrl : Home;
        var item = await db.Feedback.SingleOrDefaultAsync(f => f.Id == id, cancellationToken);
        if (item is null)
        {
            return NotFound();
        }

        if (refuse(item) is { } reason)
        {
            Response.StatusCode = StatusCodes.Status409Conflict;
            return View("Refused", new TriageRefused(id, reason, back));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var changes = apply(item, User.Identity!.Name!, now);
        if (changes is not null)
        {
            db.Audit(User, now, action, "feedback", id.ToString(System.Globalization.CultureInfo.InvariantCulture), changes);
            await db.SaveChangesAsync(cancellationToken);
        }

        TempData[Flash.Success] = $"Feedback {id} {done}";
        return Redirect(back);
    }
}

public record PersonaChoice(string Slug, string Name, string Role, int CurrentIteration)
{
    public string Label => $"{Name}, {Role}";
}

/// <summary>With no persona chosen: answers (spam left out) and new ones, per persona and iteration.</summary>
public record FeedbackOverviewRow(PersonaChoice Persona, int Iteration, int Answered, int New)
{
    public static async Task<List<FeedbackOverviewRow>> LoadAsync(CatalogueDbContext db, List<PersonaChoice> personas, CancellationToken cancellationToken)
    {
        var counts = await db.PersonaFeedback.AsNoTracking()
            .Where(f => f.Status != FeedbackStatus.Spam)
            .GroupBy(f => new { f.Persona.Slug, f.Iteration })
            .Select(g => new { g.Key.Slug, g.Key.Iteration, Answered = g.Count(), New = g.Count(f => f.Status == FeedbackStatus.New) })
            .ToListAsync(cancellationToken);
        return personas
            .SelectMany(p => counts.Where(c => c.Slug == p.Slug).OrderByDescending(c => c.Iteration)
                .Select(c => new FeedbackOverviewRow(p, c.Iteration, c.Answered, c.New)))
            .ToList();
    }
}

/// <summary>With tool feedback chosen: per tool, how many people answered and said it helped (spam left out), and how many answers are new.</summary>
public record ToolFeedbackOverviewRow(string Slug, string Name, int Helped, int Answered, int New)
{
    public static async Task<List<ToolFeedbackOverviewRow>> LoadAsync(CatalogueDbContext db, CancellationToken cancellationToken)
    {
        var counts = await ToolHelpfulness.Counted(db)
            .GroupBy(f => new { f.Tool.Slug, f.Tool.Name })
            .Select(g => new { g.Key.Slug, g.Key.Name, Helped = g.Count(f => f.Helped), Answered = g.Count(), New = g.Count(f => f.Status == FeedbackStatus.New) })
            .ToListAsync(cancellationToken);
        return counts
            .OrderByDescending(c => c.Answered).ThenBy(c => c.Name, StringComparer.OrdinalIgnoreCase)
            .Select(c => new ToolFeedbackOverviewRow(c.Slug, c.Name, c.Helped, c.Answered, c.New))
            .ToList();
    }
}

public record StaffFeedbackPage(
    FeedbackFilter Filter,
    List<PersonaChoice> Personas,
    List<int> Iterations,
    Paged<FeedbackRow> Rows,
    bool ShowEmail,
    PersonaChoice? Persona,
    List<FeedbackSummary> Summaries,
    List<FeedbackOverviewRow> Overview,
    string CurrentUrl)
{
    /// <summary>The skill areas, for the support-need filter.</summary>
    public List<VocabularyTerm> Areas { get; init; } = [];

    public List<ToolFeedbackOverviewRow> ToolOverview { get; init; } = [];
}

public record TriageRefused(int Id, string Reason, string ReturnUrl);
