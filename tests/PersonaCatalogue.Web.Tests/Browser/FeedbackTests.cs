using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using PersonaCatalogue.Core.Data.Entities;
using PersonaCatalogue.Web.Tests.Infrastructure;

namespace PersonaCatalogue.Web.Tests.Browser;

/// <summary>Feedback from the public form to the staff inbox and back to the persona page, in Debian's Chromium with axe.</summary>
public class FeedbackTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task GiveFeedback_ModeratorPublishesIt_PersonaPageShowsTheCommentAndCounts()
    {
        var persona = await browser.App.CreatePersonaAsync();
        var page = await browser.NewPageAsync();

        // The persona page links to the form.
        await page.GotoAsync($"/personas/{persona.Slug}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Give feedback on this persona" }).ClickAsync();
        await BrowserFixture.ArriveAtAsync(page, $"**/personas/{persona.Slug}/feedback");
        Assert.Equal(1, await page.Locator("h1").CountAsync());
        await Accessibility.AssertNoViolationsAsync(page);

        // An answer missing: the error state keeps what was typed.
        await page.GetByLabel("Very useful").CheckAsync();
        await page.GetByLabel("What is missing or wrong? (optional)").FillAsync("Say more about how Robin buys services.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send feedback" }).ClickAsync();
        await page.Locator(".govuk-error-summary").WaitForAsync();
        Assert.StartsWith("Error: ", await page.TitleAsync());
        Assert.True(await page.Locator(".govuk-error-summary a[href='#RightPeople']").IsVisibleAsync());
        Assert.True(await page.Locator("#RightPeople-error").IsVisibleAsync());
        Assert.True(await page.GetByLabel("Very useful").IsCheckedAsync());
        Assert.Equal("Say more about how Robin buys services.", await page.GetByLabel("What is missing or wrong? (optional)").InputValueAsync());
        await Accessibility.AssertNoViolationsAsync(page);

        // Put right and sent: the confirmation.
        await page.GetByRole(AriaRole.Group, new() { Name = "Does it describe the right people?" }).GetByLabel("Partly").CheckAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "May we publish your comment without your name?" }).GetByLabel("Yes").CheckAsync();
        await page.GetByLabel("Email address (optional)").FillAsync("robin.giver@example.org");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send feedback" }).ClickAsync();
        await BrowserFixture.ArriveAtAsync(page, $"**/personas/{persona.Slug}/feedback/sent");
        Assert.Equal("Feedback sent", (await page.Locator("h1").InnerTextAsync()).Trim());
        await Accessibility.AssertNoViolationsAsync(page);

        int id;
        await using (var db = browser.App.CreateDbContext())
        {
            id = (await db.PersonaFeedback.SingleAsync(f => f.PersonaId == persona.Id, TestContext.Current.CancellationToken)).Id;
        }

        // Not public until a moderator publishes it.
        await page.GotoAsync($"/personas/{persona.Slug}");
        Assert.Equal(0, await page.Locator(".app-comment").CountAsync());

        var staff = await browser.SignInAsync(StaffRoles.Moderator);
        await staff.GotoAsync($"/staff/feedback?persona={persona.Slug}");
        Assert.Equal(1, await staff.Locator("h1").CountAsync());
        await Accessibility.AssertNoViolationsAsync(staff);
        await staff.Locator($"#feedback-{id}").GetByRole(AriaRole.Button, new() { Name = "Publish comment" }).ClickAsync();
        await staff.Locator(".govuk-notification-banner").WaitForAsync();
        Assert.Contains($"Feedback {id} comment published", await staff.Locator(".govuk-notification-banner").InnerTextAsync());
        await Accessibility.AssertNoViolationsAsync(staff);

        // The persona page shows the comment, without the email, and the new counts.
        await page.GotoAsync($"/personas/{persona.Slug}");
        Assert.Contains("Say more about how Robin buys services.", await page.Locator(".app-comment").InnerTextAsync());
        Assert.DoesNotContain("robin.giver@example.org", await page.ContentAsync());
        Assert.Equal("1 person has answered.", (await page.Locator("#feedback-count").InnerTextAsync()).Trim());
        var veryUseful = page.Locator("table#usefulness tr", new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = "Very useful" }) });
        Assert.Equal("1", (await veryUseful.Locator(".app-bars__count").InnerTextAsync()).Trim());
        Assert.Equal("100%", (await veryUseful.Locator(".app-bars__percent").InnerTextAsync()).Trim());
        var partly = page.Locator("table#right-people tr", new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = "Partly" }) });
        Assert.Equal("1", (await partly.Locator(".app-bars__count").InnerTextAsync()).Trim());
        await Accessibility.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task Persona_WithFeedback_StillPrintsOnOneA4Page()
    {
        Persona sara;
        await using (var db = browser.App.CreateDbContext())
        {
            sara = await db.Personas.AsNoTracking().SingleAsync(p => p.Slug == "sara", TestContext.Current.CancellationToken);
        }

        await browser.App.CreatePersonaFeedbackAsync(sara, missingOrWrong: string.Join(' ', Enumerable.Repeat("A long published comment.", 60)), consent: true, published: true);
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/personas/sara");
        await page.EmulateMediaAsync(new() { Media = Media.Print });

        Assert.False(await page.Locator("section[aria-labelledby=feedback]").IsVisibleAsync());
        var pdf = await page.PdfAsync(new() { Format = "A4", PrintBackground = false });
        var pages = System.Text.RegularExpressions.Regex.Matches(System.Text.Encoding.Latin1.GetString(pdf), @"/Type\s*/Page[^s]").Count;
        Assert.Equal(1, pages);
    }

}
