using System.Net;
using Microsoft.EntityFrameworkCore;
using PersonaCatalogue.Core.Data.Entities;
using PersonaCatalogue.Web.Features.Staff.SignIn;
using PersonaCatalogue.Web.Tests.Infrastructure;

namespace PersonaCatalogue.Web.Tests.Features.Staff;

public class SignInTests(CatalogueAppFactory app) : IClassFixture<CatalogueAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password, string? returnUrl = null) =>
        client.PostFormAsync("/staff/sign-in", [new("Email", email), new("Password", password), new("ReturnUrl", returnUrl ?? "")]);

    [Fact]
    public async Task Post_CorrectDetails_SignsInAndGoesToTheDashboard()
    {
        var email = await app.CreateStaffAsync(StaffRoles.Moderator);
        using var client = app.CreateBrowserLikeClient();

        using var response = await SignInAsync(client, email, TestData.StaffPassword);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/staff", response.Headers.Location!.OriginalString);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("staff="));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        using var dashboard = await client.GetAsync("/staff", Ct);
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
    }

    [Fact]
    public async Task Post_UnknownEmailAndWrongPassword_GiveTheSameMessage()
    {
        var email = await app.CreateStaffAsync(StaffRoles.Moderator);
        using var client = app.CreateBrowserLikeClient();

        using var unknown = await SignInAsync(client, "nobody@example.org", TestData.StaffPassword);
        using var wrong = await SignInAsync(client, email, "not-the-password");

        var unknownDoc = await CatalogueAppFactory.ParseAsync(unknown);
        var wrongDoc = await CatalogueAppFactory.ParseAsync(wrong);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal(SignInController.WrongDetails, unknownDoc.QuerySelector(".govuk-error-summary__list a")!.TextContent);
        Assert.Equal(SignInController.WrongDetails, wrongDoc.QuerySelector(".govuk-error-summary__list a")!.TextContent);
        Assert.StartsWith("Error: ", wrongDoc.Title);
        Assert.Equal(email, wrongDoc.QuerySelector("#Email")!.GetAttribute("value"));
        Assert.Null(wrongDoc.QuerySelector("#Password")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Post_FiveWrongPasswords_LockTheAccountEvenForTheRightPassword()
    {
        var email = await app.CreateStaffAsync(StaffRoles.Moderator);
        using var client = app.CreateBrowserLikeClient();

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            using var wrong = await SignInAsync(client, email, "wrong-password-" + attempt);
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        }

        using var right = await SignInAsync(client, email, TestData.StaffPassword);

        Assert.Equal(HttpStatusCode.BadRequest, right.StatusCode);
        var user = await app.FindStaffAsync(email);
        Assert.True(user!.LockoutEnd > DateTimeOffset.UtcNow.AddMinutes(14));
        Assert.True(user.LockoutEnd <= DateTimeOffset.UtcNow.AddMinutes(15));
    }

    [Fact]
    public async Task Post_LockedAccount_GetsTheSameMessageAsWrongDetails()
    {
        var email = await app.CreateStaffAsync(StaffRoles.Moderator);
        using var client = app.CreateBrowserLikeClient();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            using var wrong = await SignInAsync(client, email, "wrong-password-" + attempt);
        }

        using var locked = await SignInAsync(client, email, TestData.StaffPassword);
        using var unknown = await SignInAsync(client, "nobody-at-all@example.org", TestData.StaffPassword);

        var lockedDoc = await CatalogueAppFactory.ParseAsync(locked);
        var unknownDoc = await CatalogueAppFactory.ParseAsync(unknown);
        Assert.Equal(HttpStatusCode.BadRequest, locked.StatusCode);
        Assert.Equal("Enter a correct email address and password", lockedDoc.QuerySelector(".govuk-error-summary__list a")!.TextContent);
        Assert.Equal(unknownDoc.QuerySelector(".govuk-error-summary")!.OuterHtml, lockedDoc.QuerySelector(".govuk-error-summary")!.OuterHtml);
        Assert.Equal(unknownDoc.QuerySelector("#Email-error")!.TextContent, lockedDoc.QuerySelector("#Email-error")!.TextContent);
        Assert.DoesNotContain("locked", lockedDoc.Body!.TextContent, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task SignInsFailuresAndLockouts_AreInTheAuditLog()
    {
        var email = await app.CreateStaffAsync(StaffRoles.Moderator);
        var id = (await app.FindStaffAsync(email))!.Id;
        using var client = app.CreateBrowserLikeClient();

        using (await SignInAsync(client, email, TestData.StaffPassword))
        {
        }

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            using var wrong = await SignInAsync(client, email, "wrong-password-" + attempt);
        }

        using (await SignInAsync(client, email, TestData.StaffPassword))
        {
        }

        await using var db = app.CreateDbContext();
        var events = await db.AuditEvents.Where(e => e.UserId == id).OrderBy(e => e.Id).Select(e => new { e.Action, e.UserEmail, e.Details }).ToListAsync(Ct);
        Assert.Equal(
            ["staff.signed-in", "staff.sign-in-failed", "staff.sign-in-failed", "staff.sign-in-failed", "staff.sign-in-failed", "staff.sign-in-failed",
                "staff.locked-out", "staff.sign-in-failed"],
            events.Select(e => e.Action));
        Assert.All(events, e => Assert.Equal(email, e.UserEmail));
        Assert.Contains("wrong password", events[1].Details);
        Assert.Contains("locked", events[^1].Details);
    }

    [Fact]
    public async Task Post_UnknownEmail_IsAuditedWithTheEmailTyped()
    {
        using var client = app.CreateBrowserLikeClient();
        var typed = TestData.Unique("stranger") + "@example.org";

        using var response = await SignInAsync(client, typed, "any-password-at-all");

        await using var db = app.CreateDbContext();
        var audited = await db.AuditEvents.SingleAsync(e => e.TargetKey == typed, Ct);
        Assert.Equal("staff.sign-in-failed", audited.Action);
        Assert.Equal("", audited.UserId);
        Assert.Contains("unknown email", audited.Details);
    }

    [Fact]
    public async Task Post_EmptyFields_ShowBothErrors()
    {
        using var client = app.CreateBrowserLikeClient();

        using var response = await SignInAsync(client, "", "");

        var doc = await CatalogueAppFactory.ParseAsync(response);
        Assert.Equal("Enter your email address", doc.QuerySelector("#Email-error")!.TextContent.Replace("Error:", "").Trim());
        Assert.Equal("Enter your password", doc.QuerySelector("#Password-error")!.TextContent.Replace("Error:", "").Trim());
        Assert.Equal(["#Email", "#Password"], doc.QuerySelectorAll(".govuk-error-summary__list a").Select(a => a.GetAttribute("href")));
    }

    [Theory]
    [InlineData("https://evil.example.org/phish")]
    [InlineData("//evil.example.org/phish")]
    [InlineData("/\\evil.example.org")]
    [InlineData("javascript:alert(1)")]
    public async Task Post_OffSiteReturnUrl_IsIgnored(string returnUrl)
    {
        var email = await app.CreateStaffAsync(StaffRoles.Moderator);
        using var client = app.CreateBrowserLikeClient();

        using var response = await SignInAsync(client, email, TestData.StaffPassword, returnUrl);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/staff", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Post_LocalReturnUrl_IsHonoured()
    {
        var email = await app.CreateStaffAsync(StaffRoles.Moderator);
        using var client = app.CreateBrowserLikeClient();

        using var response = await SignInAsync(client, email, TestData.StaffPassword, "/staff/tools?status=retired");

        Assert.Equal("/staff/tools?status=retired", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Get_OffSiteReturnUrl_IsNotPutInTheForm()
    {
        using var client = app.CreateBrowserLikeClient();

        var doc = await CatalogueAppFactory.ParseAsync(await client.GetAsync("/staff/sign-in?returnUrl=https%3A%2F%2Fevil.example.org", Ct));

        Assert.Equal("", doc.QuerySelector("input[name=ReturnUrl]")!.GetAttribute("value") ?? "");
    }

    [Fact]
    public async Task Post_DisabledAccount_CannotSignIn()
    {
        var email = await app.CreateStaffAsync(StaffRoles.Moderator);
        await using (var db = app.CreateDbContext())
        {
            var user = db.Users.Single(u => u.Email == email);
            user.IsDisabled = true;
            await db.SaveChangesAsync(Ct);
        }

        using var client = app.CreateBrowserLikeClient();
        using var response = await SignInAsync(client, email, TestData.StaffPassword);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task SignOut_EndsTheSession()
    {
        var (client, _) = await app.SignedInClientAsync(StaffRoles.Moderator);

        using var signOut = await client.PostFormAsync("/staff", [], actionUrl: "/staff/sign-out");
        using var after = await client.GetAsync("/staff", Ct);

        Assert.Equal("/staff/signed-out", signOut.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Equal("/staff/sign-in", after.Headers.Location!.AbsolutePath);
    }
}

public class SignInRateLimitTests(SignInRateLimitTests.Factory app) : IClassFixture<SignInRateLimitTests.Factory>
{
    public class Factory : CatalogueAppFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["RateLimits:sign-in:PermitLimit"] = "3" };
    }

    [Fact]
    public async Task Post_TooManySignIns_Get429WithRetryAfter()
    {
        using var client = app.CreateBrowserLikeClient();
        for (var i = 0; i < 3; i++)
        {
            using var allowed = await client.PostFormAsync("/staff/sign-in", [new("Email", "a@example.org"), new("Password", "x")]);
            Assert.Equal(HttpStatusCode.BadRequest, allowed.StatusCode);
        }

        using var refused = await client.PostFormAsync("/staff/sign-in", [new("Email", "a@example.org"), new("Password", "x")]);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After header");
        Assert.Equal("You have sent too many requests", (await CatalogueAppFactory.ParseAsync(refused)).QuerySelector("h1")!.TextContent.Trim());
    }
}
