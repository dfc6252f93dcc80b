using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using PersonaCatalogue.Core.Data.Entities;
using PersonaCatalogue.Web.Tests.Infrastructure;

namespace PersonaCatalogue.Web.Tests.Features.Staff;

/// <summary>A member of staff's own account: their password, the change forced after someone else set it, and the authenticator app.</summary>
public class AccountTests(CatalogueAppFactory app) : IClassFixture<CatalogueAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string NewPassword = "a-password-of-my-own-42";

    private static Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password) =>
        client.PostFormAsync("/staff/sign-in", [new("Email", email), new("Password", password)]);

    private static Task<HttpResponseMessage> ChangePasswordAsync(HttpClient client, string current, string next, string? confirm = null) =>
        client.PostFormAsync("/staff/account/password", [new("CurrentPassword", current), new("NewPassword", next), new("ConfirmPassword", confirm ?? next)]);

    private async Task<List<string>> AuditActionsAsync(string email)
    {
        await using var db = app.CreateDbContext();
        return await db.AuditEvents.Where(e => e.UserEmail == email).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync(Ct);
    }

    /// <summary>Turns on the authenticator app through its set-up page, as a person would; returns the key the page shows and the page after.</summary>
    private static async Task<(string Key, IHtmlDocument After)> SetUpAuthenticatorAsync(HttpClient client)
    {
        using var page = await client.GetAsync("/staff/account/two-factor", Ct);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var doc = await CatalogueAppFactory.ParseAsync(page);
        Assert.StartsWith("data:image/png;base64,", doc.QuerySelector("main img")!.GetAttribute("src"));
        var key = doc.QuerySelector("#authenticator-key")!.TextContent.Replace(" ", "");
        using var response = await client.PostFormAsync("/staff/account/two-factor", [new("Code", Totp.Code(key))]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (key, await CatalogueAppFactory.ParseAsync(response));
    }

    private static string AnotherCode(string code) => code[..5] + (char)('0' + ((code[5] - '0' + 1) % 10));

    [Fact]
    public async Task ChangePassword_WithTheCurrentOne_SignsInWithTheNewOneOnly()
    {
        var (client, email) = await app.SignedInClientAsync(StaffRoles.Moderator);

        using var response = await ChangePasswordAsync(client, TestData.StaffPassword, NewPassword);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/staff/account", response.Headers.Location!.OriginalString);
        using var account = await client.GetAsync("/staff/account", Ct);
        Assert.Equal("Your password has been changed", (await CatalogueAppFactory.ParseAsync(account)).QuerySelector(".govuk-notification-banner")!.TextContent.Trim().Split('\n').Last().Trim());
        using var old = await SignInAsync(app.CreateBrowserLikeClient(), email, TestData.StaffPassword);
        using var changed = await SignInAsync(app.CreateBrowserLikeClient(), email, NewPassword);
        Assert.Equal(HttpStatusCode.BadRequest, old.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Contains("staff.password-changed", await AuditActionsAsync(email));
    }

    [Fact]
    public async Task ChangePassword_WrongCurrentShortAndMismatched_ShowErrors()
    {
        var (client, _) = await app.SignedInClientAsync(StaffRoles.Moderator);

        using var wrong = await ChangePasswordAsync(client, "not-my-password", NewPassword);
        using var invalid = await ChangePasswordAsync(client, TestData.StaffPassword, "short", "different");

        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        var wrongDoc = await CatalogueAppFactory.ParseAsync(wrong);
        Assert.Equal("Error: Change your password – Learning personas", wrongDoc.Title);
        Assert.Contains("Your current password is not correct", wrongDoc.QuerySelector("#CurrentPassword-error")!.TextContent);
        var invalidDoc = await CatalogueAppFactory.ParseAsync(invalid);
        Assert.Contains("Your new password must be 12 characters or more", invalidDoc.QuerySelector("#NewPassword-error")!.TextContent);
        Assert.Contains("The passwords do not match", invalidDoc.QuerySelector("#ConfirmPassword-error")!.TextContent);
        Assert.Equal(["#NewPassword", "#ConfirmPassword"], invalidDoc.QuerySelectorAll(".govuk-error-summary__list a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public async Task PasswordResetByAnAdministrator_MustBeChangedBeforeAnythingElse()
    {
        var (admin, _) = await app.SignedInClientAsync(StaffRoles.Administrator);
        var email = await app.CreateStaffAsync(StaffRoles.Moderator);
        var id = (await app.FindStaffAsync(email))!.Id;
        using var reset = await admin.PostFormAsync("/staff/accounts", [], $"/staff/accounts/{id}/reset-password");
        var oneTime = (await CatalogueAppFactory.ParseAsync(reset)).QuerySelector("#one-time-password code")!.TextContent;
        using var client = app.CreateBrowserLikeClient();
        using var signIn = await SignInAsync(client, email, oneTime);

        using var dashboard = await client.GetAsync("/staff", Ct);
        using var suggestions = await client.GetAsync("/staff/suggestions", Ct);
        using var passwordPage = await client.GetAsync("/staff/account/password", Ct);
        using var changed = await ChangePasswordAsync(client, oneTime, NewPassword);
        using var after = await client.GetAsync("/staff", Ct);

        Assert.Equal(HttpStatusCode.Redirect, dashboard.StatusCode);
        Assert.Equal("/staff/account/password", dashboard.Headers.Location!.OriginalString);
        Assert.Equal("/staff/account/password", suggestions.Headers.Location!.OriginalString);
        Assert.NotNull((await CatalogueAppFactory.ParseAsync(passwordPage)).QuerySelector("#password-change-required"));
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        using var again = await SignInAsync(app.CreateBrowserLikeClient(), email, oneTime);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
    }

    [Fact]
    public async Task AccountAddedByAnAdministrator_MustChangeItsPasswordFirst()
    {
        var (admin, _) = await app.SignedInClientAsync(StaffRoles.Administrator);
        var email = TestData.Unique("new") + "@example.org";
        using var added = await admin.PostFormAsync("/staff/accounts", [new("Email", email), new("Role", StaffRoles.Moderator)], "/staff/accounts");
        var oneTime = (await CatalogueAppFactory.ParseAsync(added)).QuerySelector("#one-time-password code")!.TextContent;
        using var client = app.CreateBrowserLikeClient();
        using var signIn = await SignInAsync(client, email, oneTime);

        using var dashboard = await client.GetAsync("/staff", Ct);

        Assert.Equal("/staff/account/password", dashboard.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Authenticator_SetUp_ThenSignInNeedsACodeFromTheSharedKey()
    {
        var (client, email) = await app.SignedInClientAsync(StaffRoles.Moderator);

        var (key, after) = await SetUpAuthenticatorAsync(client);

        Assert.Equal(10, after.QuerySelectorAll("#recovery-codes li").Length);
        using var fresh = app.CreateBrowserLikeClient();
        using var password = await SignInAsync(fresh, email, TestData.StaffPassword);
        Assert.Equal("/staff/sign-in/code", password.Headers.Location!.OriginalString);
        using var notYet = await fresh.GetAsync("/staff", Ct);
        Assert.Equal("/staff/sign-in", notYet.Headers.Location!.AbsolutePath);
        using var wrongCode = await fresh.PostFormAsync("/staff/sign-in/code", [new("Code", AnotherCode(Totp.Code(key)))]);
        Assert.Equal(HttpStatusCode.BadRequest, wrongCode.StatusCode);
        Assert.Contains("Enter a correct code", (await CatalogueAppFactory.ParseAsync(wrongCode)).QuerySelector("#Code-error")!.TextContent);
        using var rightCode = await fresh.PostFormAsync("/staff/sign-in/code", [new("Code", Totp.Code(key))]);
        Assert.Equal(HttpStatusCode.Redirect, rightCode.StatusCode);
        Assert.Equal("/staff", rightCode.Headers.Location!.OriginalString);
        using var dashboard = await fresh.GetAsync("/staff", Ct);
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        var audit = await AuditActionsAsync(email);
        Assert.Contains("staff.two-factor-enabled", audit);
        Assert.Contains("staff.sign-in-failed", audit);
        Assert.Equal("staff.signed-in", audit[^1]);
    }

    [Fact]
    public async Task RecoveryCode_SignsInOnce()
    {
        var (client, email) = await app.SignedInClientAsync(StaffRoles.Moderator);
        var (_, after) = await SetUpAuthenticatorAsync(client);
        var recoveryCode = after.QuerySelector("#recovery-codes li code")!.TextContent;

        using var first = app.CreateBrowserLikeClient();
        using (await SignInAsync(first, email, TestData.StaffPassword))
        {
        }

        using var used = await first.PostFormAsync("/staff/sign-in/code", [new("Code", recoveryCode)]);
        using var second = app.CreateBrowserLikeClient();
        using (await SignInAsync(second, email, TestData.StaffPassword))
        {
        }

        using var reused = await second.PostFormAsync("/staff/sign-in/code", [new("Code", recoveryCode)]);

        Assert.Equal(HttpStatusCode.Redirect, used.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, reused.StatusCode);
    }

    [Fact]
    public async Task Administrator_WithoutAnAuthenticator_MustSetOneUpBeforeAnythingElse()
    {
        var email = await app.CreateStaffAsync(StaffRoles.Administrator);
        using var client = app.CreateBrowserLikeClient();
        using var signIn = await SignInAsync(client, email, TestData.StaffPassword);

        using var accounts = await client.GetAsync("/staff/accounts", Ct);
        using var audit = await client.GetAsync("/staff/audit", Ct);
        var (_, _) = await SetUpAuthenticatorAsync(client);
        using var afterSetUp = await client.GetAsync("/staff/accounts", Ct);

        Assert.Equal(HttpStatusCode.Redirect, accounts.StatusCode);
        Assert.Equal("/staff/account/two-factor", accounts.Headers.Location!.OriginalString);
        Assert.Equal("/staff/account/two-factor", audit.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, afterSetUp.StatusCode);
    }

    [Fact]
    public async Task TurnOff_Moderator_SignsInWithPasswordAgain_ButAnAdministratorCannot()
    {
        var (moderator, moderatorEmail) = await app.SignedInClientAsync(StaffRoles.Moderator);
        await SetUpAuthenticatorAsync(moderator);
        var (admin, adminEmail) = await app.SignedInClientAsync(StaffRoles.Administrator);

        using var moderatorOff = await moderator.PostFormAsync("/staff/account", [], "/staff/account/two-factor/turn-off");
        using var adminOff = await admin.PostFormAsync("/staff/account", [], "/staff/account/two-factor/turn-off");

        Assert.Equal(HttpStatusCode.Redirect, moderatorOff.StatusCode);
        using var passwordOnly = await SignInAsync(app.CreateBrowserLikeClient(), moderatorEmail, TestData.StaffPassword);
        Assert.Equal("/staff", passwordOnly.Headers.Location!.OriginalString);
        Assert.Contains("staff.two-factor-disabled", await AuditActionsAsync(moderatorEmail));
        Assert.True((await app.FindStaffAsync(adminEmail))!.TwoFactorEnabled);
        Assert.DoesNotContain("staff.two-factor-disabled", await AuditActionsAsync(adminEmail));
    }
}
