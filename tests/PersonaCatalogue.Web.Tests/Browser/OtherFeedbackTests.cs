using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using PersonaCatalogue.Core.Data.Entities;
using PersonaCatalogue.Web.Tests.Infrastructure;

namespace PersonaCatalogue.Web.Tests.Browser;

/// <summary>
/// The announcement's other questions in Debian's Chromium with axe: "Did this tool help you?", "Is someone missing?"
/// and "Where do you need more support?", each with an error and a success, then the staff pages that show them.
/// </summary>
public class OtherFeedbackTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ToolFeedback_ErrorThenSent_OnTheToolPage()
    {
        var tool = await browser.App.CreateToolAsync();
        var page = await browser.NewPageAsync();
        await page.GotoAsync($"/tools/{tool.Slug}");
        Assert.Equal("Nobody has answered yet.", (await page.Locator("#tool-helpfulness").InnerTextAsync()).Trim());
        await Accessibility.AssertNoViolationsAsync(page);

        // No answer: the tool page again, with the error and what was typed.
        await page.GetByLabel("What did it help you do? (optional)").FillAsync("Checking our spending file.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send answer" }).ClickAsync();
        await page.Locator(".govuk-error-summary").WaitForAsync();
        Assert.StartsWith("Error: ", await page.TitleAsync());
        Assert.Equal(tool.Name, (await page.Locator("h1").InnerTextAsync()).Trim());
        Assert.True(await page.Locator("#Helped-error").IsVisibleAsync());
        Assert.Equal("Checking our spending file.", await page.GetByLabel("What did it help you do? (optional)").InputValueAsync());
        await Accessibility.AssertNoViolationsAsync(page);

        // The error summary link takes the keyboard to the question.
        await page.Locator(".govuk-error-summary a[href='#Helped']").ClickAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "Did this tool help you?" }).GetByLabel("Yes").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send answer" }).ClickAsync();
        await BrowserFixture.ArriveAtAsync(page, url => url.EndsWith($"/tools/{tool.Slug}"));
        Assert.Contains("Your answer has been sent", await page.Locator(".govuk-notification-banner").InnerTextAsync());
        Assert.Equal("1 of 1 person said it helped.", (await page.Locator("#tool-helpfulness").InnerTextAsync()).Trim());
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GotoAsync("/tools?sort=helpful");
        Assert.Equal("helpful", await page.Locator("select#sort").InputValueAsync());
        await Accessibility.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task ToolFeedback_WorksWithoutJavaScript()
    {
        var tool = await browser.App.CreateToolAsync();
        var page = await browser.NewPageAsync(javaScriptEnabled: false);
        await page.GotoAsync($"/tools/{tool.Slug}");

        await page.GetByRole(AriaRole.Button, new() { Name = "Send answer" }).ClickAsync();
        Assert.StartsWith("Error: ", await page.TitleAsync());
        await page.GetByLabel("No", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send answer" }).ClickAsync();
        await BrowserFixture.ArriveAtAsync(page, url => url.EndsWith($"/tools/{tool.Slug}"));

        Assert.Equal("0 of 1 person said it helped.", (await page.Locator("#tool-helpfulness").InnerTextAsync()).Trim());
        await using var db = browser.App.CreateDbContext();
        Assert.False((await db.ToolFeedback.SingleAsync(f => f.ToolId == tool.Id, Ct)).Helped);
    }

    [Fact]
    public async Task IsSomeoneMissing_FromThePersonasPage_ErrorThenSent()
    {
        var role = TestData.Unique("Parish clerk");
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/personas");
        await page.GetByRole(AriaRole.Link, new() { Name = "tell us who is missing" }).ClickAsync();
        await BrowserFixture.ArriveAtAsync(page, "**/personas/suggest");
        Assert.Equal(1, await page.Locator("h1").CountAsync());
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByLabel("What role is missing?").FillAsync(role);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await page.Locator(".govuk-error-summary").WaitForAsync();
        Assert.StartsWith("Error: ", await page.TitleAsync());
        Assert.True(await page.Locator(".govuk-error-summary a[href='#WhatTheyDo']").IsVisibleAsync());
        Assert.True(await page.Locator("#WhatTheyNeedToKnow-error").IsVisibleAsync());
        Assert.Equal(role, await page.GetByLabel("What role is missing?").InputValueAsync());
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByLabel("What do they do?").FillAsync("Runs a small parish council.");
        await page.GetByLabel("What do they need to know about data?").FillAsync("Which council data they can reuse.");
        await page.GetByLabel("I support the public sector").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await BrowserFixture.ArriveAtAsync(page, "**/personas/suggest/sent");
        Assert.Equal("Thank you for telling us who is missing", (await page.Locator("h1").InnerTextAsync()).Trim());
        await Accessibility.AssertNoViolationsAsync(page);

        await using var db = browser.App.CreateDbContext();
        var stored = await db.MissingPersonaFeedback.SingleAsync(f => f.MissingRole == role, Ct);
        Assert.Equal(GiverRole.SupportsPublicSector, stored.GiverRole);
    }

    [Fact]
    public async Task WhereDoYouNeedMoreSupport_FromTheHomePage_ErrorThenSent_WithoutJavaScript()
    {
        var need = TestData.Unique("Reading contracts data");
        var page = await browser.NewPageAsync(javaScriptEnabled: false);
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Where do you need more support?" }).ClickAsync();
        await BrowserFixture.ArriveAtAsync(page, "**/support-needs");

        await page.GetByLabel("Analysis").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        Assert.StartsWith("Error: ", await page.TitleAsync());
        Assert.True(await page.Locator(".govuk-error-summary a[href='#SupportNeeded']").IsVisibleAsync());
        Assert.True(await page.GetByLabel("Analysis").IsCheckedAsync());

        await page.GetByLabel("What do you need more support with?").FillAsync(need);
        await page.GetByLabel("Leadership").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await BrowserFixture.ArriveAtAsync(page, "**/support-needs/sent");
        Assert.Equal("Thank you for telling us where you need support", (await page.Locator("h1").InnerTextAsync()).Trim());

        await using (var db = browser.App.CreateDbContext())
        {
            var stored = await db.SupportNeedFeedback.Where(f => f.SupportNeeded == need).SelectMany(f => f.Areas.Select(a => a.SkillArea.Slug)).ToListAsync(Ct);
            Assert.Equal(["analysis", "leadership"], stored.Order());
        }

        // The same pages, with their error state, through axe.
        var axe = await browser.NewPageAsync();
        await axe.GotoAsync("/support-needs");
        await Accessibility.AssertNoViolationsAsync(axe);
        await axe.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await axe.Locator(".govuk-error-summary").WaitForAsync();
        await Accessibility.AssertNoViolationsAsync(axe);
        await axe.GotoAsync("/support-needs/sent");
        await Accessibility.AssertNoViolationsAsync(axe);
    }

    [Fact]
    public async Task WherePeopleNeedMoreSupport_FromTheForm_ShowsTheCountsAccessibly()
    {
        var words = TestData.Unique("Working out data licences");
        await browser.App.CreateSupportNeedAsync(supportNeeded: words, areas: ["publishing"]);
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/support-needs");
        await page.GetByRole(AriaRole.Link, new() { Name = "See where people need more support" }).ClickAsync();
        await BrowserFixture.ArriveAtAsync(page, "**/support-needs/summary");

        Assert.Equal("Where people need more support", (await page.Locator("h1").InnerTextAsync()).Trim());
        var table = page.GetByRole(AriaRole.Table, new() { Name = "Answers naming each skill area, last 12 months" });
        var publishing = table.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = "Publishing" }) });
        Assert.NotEqual("0", (await publishing.GetByRole(AriaRole.Cell).InnerTextAsync()).Trim());
        Assert.DoesNotContain(words, await page.ContentAsync());
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "see where people need more support" }).ClickAsync();
        await BrowserFixture.ArriveAtAsync(page, "**/support-needs/summary");
    }

    [Fact]
    public async Task StaffPages_ShowEveryKind_AndAreAccessible()
    {
        var tool = await browser.App.CreateToolAsync();
        var toolFeedback = await browser.App.CreateToolFeedbackAsync(tool, whatItHelpedWith: "Made a chart for the board.");
        await browser.App.CreateMissingPersonaAsync(missingRole: "School business manager");
        await browser.App.CreateSupportNeedAsync(supportNeeded: "Understanding data protection", areas: ["management"]);
        var page = await browser.SignInAsync(StaffRoles.Administrator);

        foreach (var url in new[] { "/staff", "/staff/feedback?status=all", "/staff/feedback?kind=tool", "/staff/feedback?kind=support-need&area=management", "/staff/feedback/support-needs" })
        {
            await page.GotoAsync(url);
            Assert.Equal(1, await page.Locator("h1").CountAsync());
            await Accessibility.AssertNoViolationsAsync(page);
        }

        await page.GotoAsync("/staff/feedback?kind=tool");
        await page.Locator($"#feedback-{toolFeedback.Id}").GetByRole(AriaRole.Button, new() { Name = "Mark as spam" }).ClickAsync();
        await page.Locator(".govuk-notification-banner").WaitForAsync();
        Assert.Contains($"Feedback {toolFeedback.Id} marked as spam", await page.Locator(".govuk-notification-banner").InnerTextAsync());
        await Accessibility.AssertNoViolationsAsync(page);

        var visitor = await browser.NewPageAsync();
        await visitor.GotoAsync($"/tools/{tool.Slug}");
        Assert.Equal("Nobody has answered yet.", (await visitor.Locator("#tool-helpfulness").InnerTextAsync()).Trim());
    }

}
