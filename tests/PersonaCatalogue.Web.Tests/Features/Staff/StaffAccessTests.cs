using System.Net;
using Microsoft.EntityFrameworkCore;
using PersonaCatalogue.Core.Data.Entities;
using PersonaCatalogue.Web.Tests.Infrastructure;

namespace PersonaCatalogue.Web.Tests.Features.Staff;

/// <summary>Every staff route needs a signed-in user with the right role, and every POST an antiforgery token.</summary>
public class StaffAccessTests(CatalogueAppFactory app) : IClassFixture<CatalogueAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> StaffGetRoutes =>
    [
        "/staff",
        "/staff/suggestions",
        "/staff/suggestions?status=all",
        "/staff/suggestions/1",
        "/staff/suggestions/1/approve",
        "/staff/tools",
        "/staff/tools/csvlint/edit",
        "/staff/audit",
        "/staff/accounts",
    ];

    public static TheoryData<string> StaffPostRoutes =>
    [
        "/staff/suggestions/1/approve",
        "/staff/suggestions/1/reject",
        "/staff/suggestions/1/duplicate",
        "/staff/tools/csvlint/edit",
        "/staff/tools/csvlint/retire",
        "/staff/tools/csvlint/restore",
        "/staff/accounts",
        "/staff/accounts/x/disable",
        "/staff/accounts/x/reset-password",
    ];

    [Theory]
    [MemberData(nameof(StaffGetRoutes))]
    public async Task Get_Anonymous_RedirectsToSignInWithReturnUrl(string url)
    {
        using var client = app.CreateBrowserLikeClient();

        using var response = await client.GetAsync(url, Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/staff/sign-in", response.Headers.Location!.AbsolutePath);
        Assert.Contains("returnUrl=" + Uri.EscapeDataString(url), response.Headers.Location.Query);
    }

    [Theory]
    [MemberData(nameof(StaffPostRoutes))]
    public async Task Post_AnonymousWithValidToken_RedirectsToSignIn_AndChangesNothing(string url)
    {
        using var client = app.CreateBrowserLikeClient();
        await using var db = app.CreateDbContext();
        var auditedBefore = await db.AuditEvents.CountAsync(Ct);

        using var response = await client.PostFormAsync("/staff/sign-in", [new("Reason", "spam")], actionUrl: url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/staff/sign-in", response.Headers.Location!.AbsolutePath);
        Assert.Equal(auditedBefore, await db.AuditEvents.CountAsync(Ct));
    }

    [Theory]
    [InlineData("/staff/audit")]
    [InlineData("/staff/accounts")]
    public async Task AdministratorPages_Moderator_IsForbidden(string url)
    {
        var (client, _) = await app.SignedInClientAsync(StaffRoles.Moderator);

        using var response = await client.GetAsync(url, Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/staff/access-denied", response.Headers.Location!.AbsolutePath);
        using var denied = await client.GetAsync(response.Headers.Location, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Equal("You do not have access to this page", (await CatalogueAppFactory.ParseAsync(denied)).QuerySelector("h1")!.TextContent.Trim());
    }

    [Theory]
    [MemberData(nameof(StaffGetRoutes))]
    public async Task Get_Administrator_CanReachEveryStaffPage(string url)
    {
        var (client, _) = await app.SignedInClientAsync(StaffRoles.Administrator);
        var suggestion = await app.CreateSuggestionAsync();

        using var response = await client.GetAsync(url.Replace("/suggestions/1", $"/suggestions/{suggestion.Id}"), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Post_SignedInWithoutAntiforgeryToken_IsRefused()
    {
        var (client, _) = await app.SignedInClientAsync(StaffRoles.Moderator);
        var suggestion = await app.CreateSuggestionAsync();

        using var response = await client.PostAsync($"/staff/suggestions/{suggestion.Id}/reject",
            new FormUrlEncodedContent([new("Reason", "Not relevant"), new("Version", suggestion.Version.ToString())]), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await using var db = app.CreateDbContext();
        Assert.Equal(SuggestionStatus.Submitted, (await db.ToolSuggestions.FindAsync([suggestion.Id], Ct))!.Status);
    }

    [Fact]
    public async Task Register_DoesNotExist()
    {
        using var client = app.CreateBrowserLikeClient();
        foreach (var url in new[] { "/staff/register", "/Identity/Account/Register", "/account/register" })
        {
            using var response = await client.GetAsync(url, Ct);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
    }
}
