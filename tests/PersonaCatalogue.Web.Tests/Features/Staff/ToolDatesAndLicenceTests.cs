using System.Net;
using Microsoft.EntityFrameworkCore;
using PersonaCatalogue.Core.Data.Entities;
using PersonaCatalogue.Web.Tests.Infrastructure;

namespace PersonaCatalogue.Web.Tests.Features.Staff;

/// <summary>
/// "Added" is when a tool entered the catalogue and "last reviewed" only moves when a moderator records a review; the
/// licence has three answers in the editor. Times come from the app's clock, which the test moves.
/// </summary>
public class ToolDatesAndLicenceTests(ClockedAppFactory app) : IClassFixture<ClockedAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Moves the clock on to a whole second, which every database stores exactly (by minutes: the sign-in lasts longer).</summary>
    private DateTime MoveClockOn(TimeSpan by)
    {
        var next = app.Clock.GetUtcNow().Add(by);
        next = next.AddTicks(-(next.Ticks % TimeSpan.TicksPerSecond));
        app.Clock.SetUtcNow(next);
        return next.UtcDateTime;
    }

    [Fact]
    public async Task Approve_StampsAddedAndReviewedWithTheTimeOfApproval()
    {
        var (client, _) = await app.SignedInClientAsync(StaffRoles.Moderator);
        var suggestion = await app.CreateSuggestionAsync(toolName: "Quokka Mapper");
        var approvedAt = MoveClockOn(TimeSpan.FromMinutes(5));

        using var response = await client.PostFormAsync($"/staff/suggestions/{suggestion.Id}/approve",
        [
            new("Name", "Quokka Mapper"), new("Slug", "quokka-mapper"), new("Url", "https://quokka-mapper.example.org/"),
            new("Summary", "Maps council services."), new("Description", "A mapping tool."), new("Kind", "software"), new("Cost", "free"),
            new("Open", "unknown"), new("Publisher", "Example Trust"), new("Skills", "visualising-data"), new("Personas", "ida"),
            new("PersonaWhy[ida]", "Ida can map services quickly."), new("Action", "publish"), new("version", suggestion.Version.ToString()),
        ]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = app.CreateDbContext();
        var tool = await db.Tools.AsNoTracking().SingleAsync(t => t.Slug == "quokka-mapper", Ct);
        Assert.Equal((approvedAt, (DateTime?)approvedAt, (bool?)null), (tool.AddedAt, tool.LastReviewedAt, tool.IsOpen));
        var page = await app.GetDocumentAsync("/tools/quokka-mapper");
        var rows = SummaryRows(page);
        Assert.Equal(approvedAt.ToString("d MMMM yyyy"), rows["Added to the catalogue"]);
        Assert.Equal("Not known", rows["Open source or openly licensed"]);
    }

    [Fact]
    public async Task Edit_WithoutMarkingReviewed_LeavesTheReviewDate_AndMarkingItStampsNow()
    {
        var (client, email) = await app.SignedInClientAsync(StaffRoles.Moderator);
        await using (var db = app.CreateDbContext())
        {
            // Seed tools have no review until someone records one.
            Assert.Null((await db.Tools.AsNoTracking().SingleAsync(t => t.Slug == "openrefine", Ct)).LastReviewedAt);
        }

        Assert.Equal("Not reviewed yet", SummaryRows(await app.GetDocumentAsync("/tools/openrefine"))["Last reviewed"]);
        var fields = FormPost.With(await client.CurrentFieldsAsync("/staff/tools/openrefine/edit"), "Summary", "Clean and reshape messy tables on your own computer.");
        MoveClockOn(TimeSpan.FromMinutes(1));
        using (var edited = await client.PostFormAsync("/staff/tools/openrefine/edit", FormPost.With(fields, "Action", "save")))
        {
            Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        }

        await using (var db = app.CreateDbContext())
        {
            Assert.Null((await db.Tools.AsNoTracking().SingleAsync(t => t.Slug == "openrefine", Ct)).LastReviewedAt);
        }

        var reviewedAt = MoveClockOn(TimeSpan.FromMinutes(2));
        fields = await client.CurrentFieldsAsync("/staff/tools/openrefine/edit");
        fields.Add(new("Reviewed", "yes"));
        using (var reviewed = await client.PostFormAsync("/staff/tools/openrefine/edit", FormPost.With(fields, "Action", "save")))
        {
            Assert.Equal(HttpStatusCode.Redirect, reviewed.StatusCode);
        }

        await using var after = app.CreateDbContext();
        Assert.Equal(reviewedAt, (await after.Tools.AsNoTracking().SingleAsync(t => t.Slug == "openrefine", Ct)).LastReviewedAt);
        Assert.Equal(reviewedAt.ToString("d MMMM yyyy"), SummaryRows(await app.GetDocumentAsync("/tools/openrefine"))["Last reviewed"]);
        var audits = await after.AuditEvents.Where(e => e.Action == "tool.edited" && e.TargetKey == "openrefine").OrderBy(e => e.Id).ToListAsync(Ct);
        Assert.Equal(2, audits.Count);
        Assert.Contains("\"reviewed\":false", audits[0].Details);
        Assert.Contains("\"reviewed\":true", audits[1].Details);
        Assert.Equal(email, audits[1].UserEmail);
    }

    [Fact]
    public async Task Editor_OffersYesNoAndNotKnown_AndSavesNotKnown()
    {
        var (client, _) = await app.SignedInClientAsync(StaffRoles.Moderator);
        var form = await CatalogueAppFactory.ParseAsync(await client.GetAsync("/staff/tools/datawrapper/edit", Ct));
        Assert.Equal(["yes", "no", "unknown"], form.QuerySelectorAll("input[name=Open]").Select(i => i.GetAttribute("value")));
        Assert.Equal("no", form.QuerySelector("input[name=Open][checked]")!.GetAttribute("value"));

        var fields = FormPost.With(await client.CurrentFieldsAsync("/staff/tools/datawrapper/edit"), "Open", "unknown");
        using var response = await client.PostFormAsync("/staff/tools/datawrapper/edit", FormPost.With(fields, "Action", "save"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = app.CreateDbContext();
        Assert.Null((await db.Tools.AsNoTracking().SingleAsync(t => t.Slug == "datawrapper", Ct)).IsOpen);
        Assert.Equal("Not known", SummaryRows(await app.GetDocumentAsync("/tools/datawrapper"))["Open source or openly licensed"]);
    }

    private static Dictionary<string, string> SummaryRows(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelectorAll(".govuk-summary-list__row").ToDictionary(
            r => r.QuerySelector(".govuk-summary-list__key")!.TextContent.Trim(),
            r => r.QuerySelector(".govuk-summary-list__value")!.TextContent.Trim());
}
