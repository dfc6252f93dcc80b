using Microsoft.Playwright;
using PersonaCatalogue.Web.Tests.Infrastructure;

namespace PersonaCatalogue.Web.Tests.Browser;

/// <summary>The self-assessment and the personas-by-skills table in Debian's Chromium: keyboard only, 320 px wide, JavaScript off, axe, print.</summary>
public class SelfAssessmentBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string AlmostSara = "introductions=aana&business=ncc&management=aaaca&publishing=nnnn&analysis=nnnnnnn&leadership=nann";
    private const string NewToEverything = "introductions=nnnn&business=nnn&management=nnnnn&publishing=nnnn&analysis=nnnnnnn&leadership=nnnn";

    [Theory]
    [InlineData("/self-assessment")]
    [InlineData("/self-assessment/introductions")]
    [InlineData("/self-assessment/business?introductions=aana")]
    [InlineData("/self-assessment/management?introductions=aana&business=ncc")]
    [InlineData("/self-assessment/publishing?introductions=aana&business=ncc&management=aaaca")]
    [InlineData("/self-assessment/analysis?introductions=aana&business=ncc&management=aaaca&publishing=nnnn")]
    [InlineData("/self-assessment/leadership?introductions=aana&business=ncc&management=aaaca&publishing=nnnn&analysis=nnnnnnn")]
    [InlineData("/self-assessment/introductions/next?introducing-data=aware")]
    [InlineData("/self-assessment/check?" + AlmostSara)]
    [InlineData("/self-assessment/result?" + AlmostSara)]
    [InlineData("/self-assessment/result?" + AlmostSara + "&persona=ida")]
    [InlineData("/self-assessment/result?introductions=aana&business=acc&management=aaacc&publishing=nnnn&analysis=nnnnnnn&leadership=nann")]
    [InlineData("/self-assessment/result?introductions=aana&business=zzz")]
    [InlineData("/skills/matrix")]
    public async Task Page_HasNoAccessibilityViolations_AndFits320Pixels(string url)
    {
        var page = await browser.NewPageAsync();
        await page.SetViewportSizeAsync(320, 640);
        await page.GotoAsync(url);

        Assert.Equal(1, await page.Locator("h1").CountAsync());
        Assert.EndsWith("Learning personas", await page.TitleAsync());
        // Nothing makes the page scroll sideways (the matrix scrolls inside its own region).
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= document.documentElement.clientWidth"), $"{url} scrolls sideways at 320 px: " + await page.EvaluateAsync<string>("Array.from(document.querySelectorAll('body *')).filter(e => e.getBoundingClientRect().right > 321).slice(0, 8).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).join(' | ')"));
        await Accessibility.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task WholeJourney_KeyboardOnly_JavaScriptOff_320PixelsWide()
    {
        var page = await browser.NewPageAsync(javaScriptEnabled: false);
        await page.SetViewportSizeAsync(320, 640);
        await page.GotoAsync("/self-assessment");

        await TabToAsync(page, async focused => await focused.GetAttributeAsync("class") is { } c && c.Contains("govuk-button--start"));
        await page.Keyboard.PressAsync("Enter");
        string[] areas = ["introductions", "business", "management", "publishing", "analysis", "leadership"];
        foreach (var area in areas)
        {
            await BrowserFixture.ArriveAtAsync(page, url => url.Contains($"/self-assessment/{area}"));
            // Each question: Tab into the group, the down arrow chooses "Aware of it"; Tab goes on to the next question.
            await TabToAsync(page, IsRadioAsync);
            var questions = 0;
            while (await IsRadioAsync(page.Locator(":focus")))
            {
                await page.Keyboard.PressAsync("ArrowDown");
                await page.Keyboard.PressAsync("Tab");
                questions++;
            }

            Assert.Equal(await page.Locator("main fieldset").CountAsync(), questions);
            Assert.Equal("Continue", (await page.Locator(":focus").InnerTextAsync()).Trim());
            await page.Keyboard.PressAsync("Enter");
        }

        await BrowserFixture.ArriveAtAsync(page, "**/self-assessment/check?*");
        Assert.Equal(27, await page.Locator(".govuk-summary-list__value", new() { HasText = "Aware of it" }).CountAsync());
        await TabToAsync(page, async focused => (await focused.InnerTextAsync()).Trim() == "See your learning plan");
        await page.Keyboard.PressAsync("Enter");

        await BrowserFixture.ArriveAtAsync(page, "**/self-assessment/result?*");
        // Aware of everything matches the nine skills Chris needs awareness of, more than any other persona.
        Assert.StartsWith("You are closest to Chris", (await page.Locator("#closest-reason").InnerTextAsync()).Trim());
        Assert.Equal(["Developing policy", "Developing strategy", "Leading change"], (await page.Locator("ol.app-plan__skills h4").AllInnerTextsAsync()).Select(t => t.Trim()));

        // Another persona, by keyboard: the arrow moves the choice from Chris to the next closest, Sara.
        await TabToAsync(page, async focused => await focused.GetAttributeAsync("name") == "persona");
        await page.Keyboard.PressAsync("ArrowDown");
        await TabToAsync(page, async focused => (await focused.InnerTextAsync()).Trim() == "Show the plan for this persona");
        await page.Keyboard.PressAsync("Enter");
        await BrowserFixture.ArriveAtAsync(page, url => url.Contains("persona=sara"));
        Assert.Equal("What to learn next, against Sara", (await page.Locator("#plan").InnerTextAsync()).Trim());
    }

    [Theory]
    [InlineData(AlmostSara)]
    [InlineData(NewToEverything)]
    public async Task Result_Printed_FitsOneA4Page(string answers)
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/self-assessment/result?" + answers);
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        Assert.False(await page.Locator("form").Last.IsVisibleAsync());

        var pdf = await page.PdfAsync(new() { Format = "A4", PrintBackground = false });
        var pages = System.Text.RegularExpressions.Regex.Matches(System.Text.Encoding.Latin1.GetString(pdf), @"/Type\s*/Page[^s]").Count;
        Assert.Equal(1, pages);
    }

    private static async Task<bool> IsRadioAsync(ILocator focused) =>
        await focused.CountAsync() == 1 && await focused.GetAttributeAsync("type") == "radio";

    /// <summary>Presses Tab until the focused element is the one wanted.</summary>
    private static async Task TabToAsync(IPage page, Func<ILocator, Task<bool>> wanted)
    {
        for (var i = 0; i < 80; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focused = page.Locator(":focus");
            if (await focused.CountAsync() == 1 && await wanted(focused))
            {
                return;
            }
        }

        Assert.Fail($"Tab never reached the element wanted on {page.Url}");
    }
}
