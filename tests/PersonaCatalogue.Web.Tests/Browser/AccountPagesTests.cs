using Microsoft.Playwright;
using PersonaCatalogue.Core.Data.Entities;
using PersonaCatalogue.Web.Tests.Infrastructure;

namespace PersonaCatalogue.Web.Tests.Browser;

/// <summary>The account pages (password, authenticator app, recovery codes, the code at sign-in) without JavaScript, with axe on each state.</summary>
public class AccountPagesTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task ChangePassword_AndSetUpAnAuthenticator_WorkWithoutJavaScript_AndAreAccessible()
    {
        var page = await browser.SignInAsync(StaffRoles.Moderator, javaScriptEnabled: false);
        // axe needs JavaScript: a second member of staff, signed in with it on, looks at the same pages.
        var axe = await browser.SignInAsync(StaffRoles.Moderator);

        await axe.GotoAsync("/staff/account");
        await Accessibility.AssertNoViolationsAsync(axe);

        await page.GotoAsync("/staff/account/password");
        await page.GetByLabel("Current password").FillAsync(TestData.StaffPassword);
        await page.GetByLabel("New password", new() { Exact = true }).FillAsync("short");
        await page.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        await page.Locator("#NewPassword-error").WaitForAsync();
        Assert.StartsWith("Error: ", await page.TitleAsync());
        await axe.GotoAsync("/staff/account/password");
        await Accessibility.AssertNoViolationsAsync(axe);
        await axe.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        await axe.Locator(".govuk-error-summary").WaitForAsync();
        await Accessibility.AssertNoViolationsAsync(axe);

        await page.GetByLabel("Current password").FillAsync(TestData.StaffPassword);
        await page.GetByLabel("New password", new() { Exact = true }).FillAsync("a-password-of-my-own-42");
        await page.GetByLabel("Confirm new password").FillAsync("a-password-of-my-own-42");
        await page.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        await BrowserFixture.ArriveAtAsync(page, "**/staff/account");
        Assert.Contains("Your password has been changed", await page.Locator(".govuk-notification-banner").InnerTextAsync());

        await page.GotoAsync("/staff/account/two-factor");
        await axe.GotoAsync("/staff/account/two-factor");
        await Accessibility.AssertNoViolationsAsync(axe);
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn on" }).ClickAsync();
        await page.Locator("#Code-error").WaitForAsync();
        await axe.GotoAsync("/staff/account/two-factor");
        await axe.GetByRole(AriaRole.Button, new() { Name = "Turn on" }).ClickAsync();
        await axe.Locator(".govuk-error-summary").WaitForAsync();
        await Accessibility.AssertNoViolationsAsync(axe);

        var key = (await page.Locator("#authenticator-key").InnerTextAsync()).Replace(" ", "");
        await page.GetByLabel("Code from the app").FillAsync(Totp.Code(key));
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn on" }).ClickAsync();
        await page.Locator("#recovery-codes").WaitForAsync();
        Assert.Equal(10, await page.Locator("#recovery-codes li").CountAsync());
    }

    [Fact]
    public async Task SignInWithACode_IsAccessible_WithAndWithoutAnError()
    {
        var email = await browser.App.CreateStaffAsync(StaffRoles.Moderator);
        await browser.App.EnableAuthenticatorAsync(email);
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/staff/sign-in");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(TestData.StaffPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await BrowserFixture.ArriveAtAsync(page, "**/staff/sign-in/code");

        await Accessibility.AssertNoViolationsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.Locator(".govuk-error-summary").WaitForAsync();
        await Accessibility.AssertNoViolationsAsync(page);
    }
}
