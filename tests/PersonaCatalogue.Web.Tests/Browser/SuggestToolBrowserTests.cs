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

        await page.WaitForURLAsync("**/suggest-a-tool/confirmation/**");
        Assert.Equal("Suggestion sent", (await page.Locator(".govuk-panel__title").InnerTextAsync()).Trim());
        await Accessibility.AssertNoViolationsAsync(page);

        await page.Locator("#status-link").ClickAsync();
        await page.WaitForURLAsync("**/suggestions/**");
        Assert.Equal("Waiting for review", (await page.Locator("#status .govuk-tag").InnerTextAsync()).Trim());
        await Accessibility.AssertNoViolationsAsync(page);
    }
}
