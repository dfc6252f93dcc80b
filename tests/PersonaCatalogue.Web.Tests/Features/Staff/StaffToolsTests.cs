using System.Net;
using Microsoft.EntityFrameworkCore;
using PersonaCatalogue.Core.Data.Entities;
using PersonaCatalogue.Web.Tests.Infrastructure;

namespace PersonaCatalogue.Web.Tests.Features.Staff;

public class StaffToolsTests(CatalogueAppFactory app) : IClassFixture<CatalogueAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Edit_ChangesThePublicPageAndIsAudited()
    {
        var (client, email) = await app.SignedInClientAsync(StaffRoles.Moderator);
        var fields = FormPost.With(await client.CurrentFieldsAsync("/staff/tools/datawrapper/edit"), "Summary", "Charts and maps for busy council teams.");

        using var response = await client.PostFormAsync("/staff/tools/datawrapper/edit", FormPost.With(fields, "Action", "save"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await app.GetDocumentAsync("/tools/datawrapper");
        Assert.Equal("Charts and maps for busy council teams.", page.QuerySelector(".govuk-body-l")!.TextContent);
        await using var db = app.CreateDbContext();
        var audit = await db.AuditEvents.SingleAsync(e => e.Action == "tool.edited" && e.TargetKey == "datawrapper", Ct);
        Assert.Equal(email, audit.UserEmail);
        Assert.Contains("Charts and maps for busy council teams.", audit.Details);
        Assert.Contains("Summary", audit.Details);
    }

    [Fact]
    public async Task Edit_InvalidValues_AreRefusedWithMessagesAndKept()
    {
        var (client, _) = await app.SignedInClientAsync(StaffRoles.Moderator);
        var fields = await client.CurrentFieldsAsync("/staff/tools/flourish/edit");
        fields = FormPost.With(fields, "Summary", new string('x', 201));
        fields = FormPost.With(fields, "Name", "Bad\u0007name");
        fields = FormPost.With(fields, "Url", "ftp://flourish.studio");

        using var response = await client.PostFormAsync("/staff/tools/flourish/edit", FormPost.With(fields, "Action", "save"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var doc = await CatalogueAppFactory.ParseAsync(response);
        Assert.Contains("200 characters or fewer", doc.QuerySelector("#Summary-error")!.TextContent);
        Assert.Contains("control characters", doc.QuerySelector("#Name-error")!.TextContent);
        Assert.Contains("http:// or https://", doc.QuerySelector("#Url-error")!.TextContent);
        Assert.Equal("ftp://flourish.studio", doc.QuerySelector("#Url")!.GetAttribute("value"));
        await using var db = app.CreateDbContext();
        Assert.Equal("Flourish", (await db.Tools.SingleAsync(t => t.Slug == "flourish", Ct)).Name);
    }

    [Fact]
    public async Task RetireThenRestore_TakesTheToolOutOfListsAndSearch_ThenBack()
    {
        var (client, _) = await app.SignedInClientAsync(StaffRoles.Moderator);

        using var retired = await client.PostFormAsync("/staff/tools/jupyter/edit", [], "/staff/tools/jupyter/retire");

        Assert.Equal(HttpStatusCode.Redirect, retired.StatusCode);
        Assert.Null((await app.GetDocumentAsync("/tools?q=jupyter")).QuerySelector("a[href='/tools/jupyter']"));
        Assert.Null((await app.GetDocumentAsync("/search?q=jupyter")).QuerySelector("a[href='/tools/jupyter']"));
        Assert.Null((await app.GetDocumentAsync("/personas/ida")).QuerySelector("a[href='/tools/jupyter']"));
        Assert.Contains("retired", (await app.GetDocumentAsync("/tools/jupyter")).QuerySelector(".govuk-warning-text")!.TextContent);

        using var restored = await client.PostFormAsync("/staff/tools/jupyter/edit", [], "/staff/tools/jupyter/restore");

        Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        Assert.NotNull((await app.GetDocumentAsync("/tools?q=jupyter")).QuerySelector("a[href='/tools/jupyter']"));
        Assert.NotNull((await app.GetDocumentAsync("/search?q=jupyter")).QuerySelector("a[href='/tools/jupyter']"));
        await using var db = app.CreateDbContext();
        Assert.Equal(["tool.retired", "tool.restored"], await db.AuditEvents.Where(e => e.TargetKey == "jupyter").OrderBy(e => e.Id).Select(e => e.Action).ToListAsync(Ct));
    }

    [Fact]
    public async Task Index_ListsRetiredToolsOnRequest()
    {
        var (client, _) = await app.SignedInClientAsync(StaffRoles.Moderator);
        await using (var db = app.CreateDbContext())
        {
            (await db.Tools.SingleAsync(t => t.Slug == "nomis", Ct)).Status = ToolStatus.Retired;
            await db.SaveChangesAsync(Ct);
        }

        var retired = await CatalogueAppFactory.ParseAsync(await client.GetAsync("/staff/tools?status=retired", Ct));
        var published = await CatalogueAppFactory.ParseAsync(await client.GetAsync("/staff/tools?q=nomis", Ct));

        Assert.NotNull(retired.QuerySelector("a[href='/staff/tools/nomis/edit']"));
        Assert.Null(published.QuerySelector("a[href='/staff/tools/nomis/edit']"));
    }

    [Fact]
    public async Task AuditLog_AdministratorSeesEveryAction()
    {
        var (moderator, moderatorEmail) = await app.SignedInClientAsync(StaffRoles.Moderator);
        using var _ = await moderator.PostFormAsync("/staff/tools/miro/edit", [], "/staff/tools/miro/retire");
        var (admin, _) = await app.SignedInClientAsync(StaffRoles.Administrator);

        var doc = await CatalogueAppFactory.ParseAsync(await admin.GetAsync("/staff/audit", Ct));

        var row = doc.QuerySelectorAll("tbody tr").First(r => r.TextContent.Contains("tool miro"));
        Assert.Contains(moderatorEmail, row.TextContent);
        Assert.Contains("tool.retired", row.TextContent);
    }
}
