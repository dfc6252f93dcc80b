using Microsoft.Playwright;
using PersonaCatalogue.Web.Tests.Infrastructure;

namespace PersonaCatalogue.Web.Tests.Browser;

/// <summary>
/// Suggesting a tool in Debian's Chromium, with axe on every page of the flow, the error state included. JavaScript
/// stays on because axe needs it; the site ships none, so the form behaves as it would without.
/// </summary>
public class SuggestToolBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task SuggestATool_WithErrorsThenFixed_ReachesTheStatusPage()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/suggest-a-tool");
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByLabel("Tool name").FillAsync("Browser Tool");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send suggestion" }).ClickAsync();

        Assert.StartsWith("Error: ", await page.TitleAsync());
        Assert.Equal("Browser Tool", await page.GetByLabel("Tool name").InputValueAsync());
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByLabel("Web address").FillAsync("https://example.org/browser-tool");
        await page.GetByLabel("What it does").FillAsync("Helps people find open data.");
        await page.GetByLabel("Sara, Service delivery manager and budget holder").CheckAsync();
        await page.GetByLabel("Cleaning data").CheckAsync();
        await page.GetByLabel("Not sure").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send suggestion" }).ClickAsync();

        await BrowserFixture.ArriveAtAsync(page, "**/suggest-a-tool/confirmation/**");
        Assert.Equal("Suggestion sent", (await page.Locator(".govuk-panel__title").InnerTextAsync()).Trim());
        await Accessibility.AssertNoViolationsAsync(page);

        await page.Locator("#status-link").ClickAsync();
        await BrowserFixture.ArriveAtAsync(page, "**/suggestions/**");
        Assert.Equal("Waiting for review", (await page.Locator("#status .govuk-tag").InnerTextAsync()).Trim());
        await Accessibility.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task SuggestThenModeratorApproves_ToolAppearsOnItsPersonaPageAndStatusPage()
    {
        var visitor = await browser.NewPageAsync(javaScriptEnabled: false);
        await visitor.GotoAsync("/suggest-a-tool");
        await visitor.GetByLabel("Tool name").FillAsync("Loop Finder");
        await visitor.GetByLabel("Web address").FillAsync("https://loop-finder.example.org/");
        await visitor.GetByLabel("What it does").FillAsync("Finds loops in council bus timetables as open data.");
        await visitor.GetByLabel("Alan, Data re-user").CheckAsync();
        await visitor.GetByLabel("Free", new() { Exact = true }).CheckAsync();
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Send suggestion" }).ClickAsync();
        await BrowserFixture.ArriveAtAsync(visitor, "**/suggest-a-tool/confirmation/**");
        var statusUrl = await visitor.Locator("#status-link").GetAttributeAsync("href");

        var email = await browser.App.CreateStaffAsync(PersonaCatalogue.Core.Data.Entities.StaffRoles.Moderator);
        var moderator = await browser.NewPageAsync(javaScriptEnabled: false);
        await moderator.GotoAsync("/staff/suggestions");
        await moderator.GetByLabel("Email address").FillAsync(email);
        await moderator.GetByLabel("Password").FillAsync(TestData.StaffPassword);
        await moderator.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await BrowserFixture.ArriveAtAsync(moderator, "**/staff/suggestions");
        await moderator.GetByRole(AriaRole.Link, new() { Name = "Loop Finder" }).ClickAsync();
        await moderator.GetByRole(AriaRole.Link, new() { Name = "Approve and complete the tool" }).ClickAsync();
        await moderator.GetByLabel("Software").CheckAsync();
        await moderator.GetByLabel("Yes", new() { Exact = true }).CheckAsync();
        await moderator.GetByLabel("Why Alan, Data re-user would use it").FillAsync("Alan can reuse timetable data straight away.");
        await moderator.GetByRole(AriaRole.Button, new() { Name = "Publish tool" }).ClickAsync();
        Assert.Contains("Loop Finder is published", await moderator.Locator(".govuk-notification-banner").InnerTextAsync());

        await visitor.GotoAsync("/personas/alan");
        Assert.Contains("Alan can reuse timetable data straight away.", await visitor.Locator("section[aria-labelledby=tools]").InnerTextAsync());
        await visitor.GotoAsync(statusUrl!);
        Assert.Equal("Published", (await visitor.Locator("#status .govuk-tag").InnerTextAsync()).Trim());
        Assert.Equal(1, await visitor.Locator("main a[href='/tools/loop-finder']").CountAsync());
    }
}
