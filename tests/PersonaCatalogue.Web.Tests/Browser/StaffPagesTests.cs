using Microsoft.Playwright;
using PersonaCatalogue.Core.Data.Entities;
using PersonaCatalogue.Web.Tests.Infrastructure;

namespace PersonaCatalogue.Web.Tests.Browser;

/// <summary>Every staff page, including error states, in Debian's Chromium with axe.</summary>
public class StaffPagesTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{

    [Fact]
    public async Task SignIn_WithErrors_IsAccessibleAndKeepsTheEmail()
    {
        var page = await browser.NewPageAsync(javaScriptEnabled: false);
        await page.GotoAsync("/staff/sign-in");
        await page.GetByLabel("Email address").FillAsync("someone@example.org");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        Assert.StartsWith("Error: ", await page.TitleAsync());
        Assert.Equal("someone@example.org", await page.GetByLabel("Email address").InputValueAsync());
        Assert.True(await page.Locator(".govuk-error-summary a[href='#Password']").IsVisibleAsync());

        var axe = await browser.NewPageAsync();
        await axe.GotoAsync("/staff/sign-in");
        await Accessibility.AssertNoViolationsAsync(axe);
        await axe.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await axe.Locator(".govuk-error-summary").WaitForAsync();
        await Accessibility.AssertNoViolationsAsync(axe);
    }

    [Fact]
    public async Task EveryStaffPage_HasNoAccessibilityViolations()
    {
        var suggestion = await browser.App.CreateSuggestionAsync(toolName: "Open Refine", url: "https://openrefine.org/");
        var page = await browser.SignInAsync(StaffRoles.Administrator);

        foreach (var url in new[]
        {
            "/staff",
            "/staff/suggestions",
            $"/staff/suggestions/{suggestion.Id}",
            $"/staff/suggestions/{suggestion.Id}/approve",
            "/staff/tools",
            "/staff/tools/csvlint/edit",
            "/staff/audit",
            "/staff/accounts",
        })
        {
            await page.GotoAsync(url);
            Assert.Equal(1, await page.Locator("h1").CountAsync());
            await Accessibility.AssertNoViolationsAsync(page);
        }

        // Error states: reject with no reason, and the approve form with its required answers missing.
        await page.GotoAsync($"/staff/suggestions/{suggestion.Id}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Reject suggestion" }).ClickAsync();
        await page.Locator("#Reason-error").WaitForAsync();
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GotoAsync($"/staff/suggestions/{suggestion.Id}/approve");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish tool" }).ClickAsync();
        await page.Locator(".govuk-error-summary").WaitForAsync();
        Assert.StartsWith("Error: ", await page.TitleAsync());
        await Accessibility.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task AccessDenied_IsAccessible()
    {
        var page = await browser.SignInAsync(StaffRoles.Moderator);

        await page.GotoAsync("/staff/audit");

        Assert.Equal("You do not have access to this page", (await page.Locator("h1").InnerTextAsync()).Trim());
        await Accessibility.AssertNoViolationsAsync(page);
    }
}
