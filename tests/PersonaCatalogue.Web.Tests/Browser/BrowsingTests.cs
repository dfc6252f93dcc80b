using Microsoft.Playwright;
using PersonaCatalogue.Web.Tests.Infrastructure;

namespace PersonaCatalogue.Web.Tests.Browser;

/// <summary>The public browsing pages in Debian's Chromium, with JavaScript off, checked by axe.</summary>
public class BrowsingTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/personas")]
    [InlineData("/personas/sara")]
    [InlineData("/skills")]
    [InlineData("/skills/designing-services")]
    [InlineData("/tools")]
    [InlineData("/tools/data-ethics-canvas")]
    [InlineData("/search?q=ethics")]
    [InlineData("/search?q=qqqzzz")]
    [InlineData("/search?q=data")]
    [InlineData("/search?q=data&page=2")]
    [InlineData("/data")]
    [InlineData("/about")]
    [InlineData("/privacy")]
    [InlineData("/accessibility")]
    [InlineData("/cookies")]
    [InlineData("/no-such-page")]
    public async Task Page_HasNoAccessibilityViolations(string url)
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(url);
        Assert.Equal(1, await page.Locator("h1").CountAsync());
        Assert.EndsWith("Learning personas", await page.TitleAsync());
        await Accessibility.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task Home_SearchFromTheHomePage_ShowsRankedResults()
    {
        var page = await browser.NewPageAsync(javaScriptEnabled: false);
        await page.GotoAsync("/");
        await page.GetByLabel("Search the catalogue").FillAsync("ethics");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();

        await BrowserFixture.ArriveAtAsync(page, "**/search?q=ethics");
        var first = page.Locator(".app-search-hit").First;
        Assert.Contains("ethic", await first.Locator("h3").InnerTextAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Tools_ApplyFiltersThenRemoveATag_NarrowsAndWidensTheList()
    {
        var page = await browser.NewPageAsync(javaScriptEnabled: false);
        await page.GotoAsync("/tools");
        var all = await page.Locator(".app-card").CountAsync();

        await page.GetByLabel("Sara, Service delivery manager and budget holder").CheckAsync();
        await page.GetByLabel("Canvas or template").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).Last.ClickAsync();

        await BrowserFixture.ArriveAtAsync(page, url => url.Contains("persona=sara") && url.Contains("kind=canvas-or-template"));
        var filtered = await page.Locator(".app-card").CountAsync();
        Assert.InRange(filtered, 1, all - 1);
        Assert.Equal(2, await page.Locator(".app-filter-tag").CountAsync());
        var axePage = await browser.NewPageAsync();
        await axePage.GotoAsync(page.Url);
        await Accessibility.AssertNoViolationsAsync(axePage);

        await page.Locator(".app-filter-tag", new() { HasText = "Canvas or template" }).ClickAsync();
        await BrowserFixture.ArriveAtAsync(page, url => url.EndsWith("/tools?persona=sara"));
        Assert.True(await page.Locator(".app-card").CountAsync() > filtered);
    }

    [Fact]
    public async Task Persona_Printed_FitsOneA4Page()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/personas/sara");
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        Assert.False(await page.Locator(".govuk-footer").IsVisibleAsync());

        var pdf = await page.PdfAsync(new() { Format = "A4", PrintBackground = false });
        var pages = System.Text.RegularExpressions.Regex.Matches(System.Text.Encoding.Latin1.GetString(pdf), @"/Type\s*/Page[^s]").Count;
        Assert.Equal(1, pages);
    }

    [Fact]
    public async Task Tools_OnAPhone_SkipToResultsGoesPastTheFilters()
    {
        var page = await browser.NewPageAsync(javaScriptEnabled: false);
        await page.SetViewportSizeAsync(320, 640);
        await page.GotoAsync("/tools");

        var skip = page.GetByRole(AriaRole.Link, new() { Name = "Skip to results" });
        var firstCheckbox = page.Locator("input[type=checkbox]").First;
        // The link comes before the filters, so a keyboard or screen reader user meets it first.
        Assert.True(await skip.EvaluateAsync<bool>("(link, box) => !!(link.compareDocumentPosition(box) & Node.DOCUMENT_POSITION_FOLLOWING)", await firstCheckbox.ElementHandleAsync()));
        Assert.False(await page.Locator("#result-count").EvaluateAsync<bool>("e => e.getBoundingClientRect().top < window.innerHeight"));

        await skip.FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await BrowserFixture.ArriveAtAsync(page, url => url.EndsWith("/tools#results"));
        Assert.True(await page.Locator("#result-count").EvaluateAsync<bool>("e => { const r = e.getBoundingClientRect(); return r.top >= 0 && r.top < window.innerHeight; }"));
        // The next Tab goes into the results, not back into the filters.
        await page.Keyboard.PressAsync("Tab");
        Assert.True(await page.Locator(":focus").EvaluateAsync<bool>("e => !!e.closest('#results')"));
    }
}
