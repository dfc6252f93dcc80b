using System.Net;
using Microsoft.EntityFrameworkCore;
using PersonaCatalogue.Core.Data.Entities;
using PersonaCatalogue.Web.Tests.Infrastructure;

namespace PersonaCatalogue.Web.Tests.Features.Staff;

public class StaffAccountsTests(CatalogueAppFactory app) : IClassFixture<CatalogueAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password) =>
        await client.PostFormAsync("/staff/sign-in", [new("Email", email), new("Password", password)]);

    private static string OneTimePassword(AngleSharp.Html.Dom.IHtmlDocument doc) => doc.QuerySelector("#one-time-password code")!.TextContent;

    [Fact]
    public async Task Add_ShowsAOneTimePasswordThatSignsIn()
    {
        var (admin, adminEmail) = await app.SignedInClientAsync(StaffRoles.Administrator);
        var email = TestData.Unique("new") + "@example.org";

        using var response = await admin.PostFormAsync("/staff/accounts", [new("Email", email), new("Role", StaffRoles.Moderator)], "/staff/accounts");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var password = OneTimePassword(await CatalogueAppFactory.ParseAsync(response));
        using var fresh = app.CreateBrowserLikeClient();
        using var signIn = await SignInAsync(fresh, email, password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        await using var db = app.CreateDbContext();
        Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == "staff.added" && e.TargetKey == email && e.UserEmail == adminEmail, Ct));
    }

    [Fact]
    public async Task Add_InvalidOrExistingEmailAndNoRole_ShowErrors()
    {
        var (admin, adminEmail) = await app.SignedInClientAsync(StaffRoles.Administrator);

        using var invalid = await admin.PostFormAsync("/staff/accounts", [new("Email", "not-an-email")], "/staff/accounts");
        using var existing = await admin.PostFormAsync("/staff/accounts", [new("Email", adminEmail), new("Role", StaffRoles.Moderator)], "/staff/accounts");

        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var invalidDoc = await CatalogueAppFactory.ParseAsync(invalid);
        Assert.Contains("correct format", invalidDoc.QuerySelector("#Email-error")!.TextContent);
        Assert.Contains("Select their role", invalidDoc.QuerySelector("#Role-error")!.TextContent);
        Assert.Equal("not-an-email", invalidDoc.QuerySelector("#Email")!.GetAttribute("value"));
        Assert.Contains("already a staff account", (await CatalogueAppFactory.ParseAsync(existing)).QuerySelector("#Email-error")!.TextContent);
    }

    [Fact]
    public async Task Disable_StopsSignIn_AndEnableAllowsItAgain()
    {
        var (admin, _) = await app.SignedInClientAsync(StaffRoles.Administrator);
        var email = await app.CreateStaffAsync(StaffRoles.Moderator);
        var id = (await app.FindStaffAsync(email))!.Id;

        using var disabled = await admin.PostFormAsync("/staff/accounts", [], $"/staff/accounts/{id}/disable");
        using var blocked = await SignInAsync(app.CreateBrowserLikeClient(), email, TestData.StaffPassword);
        using var enabled = await admin.PostFormAsync("/staff/accounts", [], $"/staff/accounts/{id}/enable");
        using var allowed = await SignInAsync(app.CreateBrowserLikeClient(), email, TestData.StaffPassword);

        Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, blocked.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, allowed.StatusCode);
    }

    [Fact]
    public async Task ResetPassword_ReplacesTheOldOneAndUnlocks()
    {
        var (admin, _) = await app.SignedInClientAsync(StaffRoles.Administrator);
        var email = await app.CreateStaffAsync(StaffRoles.Moderator);
        var id = (await app.FindStaffAsync(email))!.Id;

        using var response = await admin.PostFormAsync("/staff/accounts", [], $"/staff/accounts/{id}/reset-password");

        var password = OneTimePassword(await CatalogueAppFactory.ParseAsync(response));
        Assert.NotEqual(TestData.StaffPassword, password);
        using var oldPassword = await SignInAsync(app.CreateBrowserLikeClient(), email, TestData.StaffPassword);
        using var newPassword = await SignInAsync(app.CreateBrowserLikeClient(), email, password);
        Assert.Equal(HttpStatusCode.BadRequest, oldPassword.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, newPassword.StatusCode);
    }
}
