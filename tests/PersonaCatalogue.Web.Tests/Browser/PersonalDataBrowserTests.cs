using Microsoft.Playwright;
using PersonaCatalogue.Core.Data.Entities;
using PersonaCatalogue.Web.Tests.Infrastructure;

namespace PersonaCatalogue.Web.Tests.Browser;

/// <summary>The personal data page, its error states, and the email state on a decided suggestion, in Chromium with axe.</summary>
public class PersonalDataBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task PersonalData_SearchAndErase_WithEveryErrorState_IsAccessible()
    {
        var set = await browser.App.CreatePersonalDataAsync(new DateTime(2026, 6, 1, 12, 0, 0, DateTimeKind.Utc));
        var page = await browser.SignInAsync(StaffRoles.Administrator);

        await page.GotoAsync("/staff/personal-data");
        Assert.Equal(1, await page.Locator("h1").CountAsync());
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Find personal data" }).ClickAsync();
        await page.Locator("#Email-error").WaitForAsync();
        Assert.StartsWith("Error: ", await page.TitleAsync());
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByLabel("Email address").FillAsync(set.Email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Find personal data" }).ClickAsync();
        await page.Locator("#matches").WaitForAsync();
        Assert.Equal(5, await page.Locator("#matches tbody tr").CountAsync());
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Erase personal data" }).ClickAsync();
        await page.Locator("#Reason-error").WaitForAsync();
        Assert.Equal(5, await page.Locator("#matches tbody tr").CountAsync());
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByLabel("Reason for erasing").FillAsync("Asked by email on 3 March");
        await page.GetByRole(AriaRole.Button, new() { Name = "Erase personal data" }).ClickAsync();
        await page.Locator(".govuk-notification-banner").WaitForAsync();
        Assert.Equal("Personal data erased from 5 items", (await page.Locator(".govuk-notification-banner__heading").InnerTextAsync()).Trim());
        await Accessibility.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task DecidedSuggestion_ShowsTheModeratorWhetherItsEmailWasSent_AndIsAccessible()
    {
        var waiting = await DecidedWithEmailAsync("Curlew Tables", OutboxStatus.Waiting, attempts: 2, "Connection refused");
        var failed = await DecidedWithEmailAsync("Plover Sheets", OutboxStatus.Failed, attempts: 10, "Mailbox unavailable");
        var page = await browser.SignInAsync(StaffRoles.Moderator);

        await page.GotoAsync($"/staff/suggestions/{waiting.Id}");
        var state = page.Locator("#decision-email");
        Assert.Equal("Waiting", (await state.Locator(".govuk-tag").InnerTextAsync()).Trim(), ignoreCase: true);
        Assert.Contains("2 attempts have failed so far", await state.InnerTextAsync());
        Assert.Contains("Connection refused", await state.InnerTextAsync());
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GotoAsync($"/staff/suggestions/{failed.Id}");
        Assert.Equal("Failed", (await state.Locator(".govuk-tag").InnerTextAsync()).Trim(), ignoreCase: true);
        Assert.Contains("Not sent after 10 attempts. Last error: Mailbox unavailable", await state.InnerTextAsync());
        await Accessibility.AssertNoViolationsAsync(page);
    }

    private async Task<ToolSuggestion> DecidedWithEmailAsync(string toolName, OutboxStatus status, int attempts, string error)
    {
        var suggestion = await browser.App.CreateSuggestionAsync(toolName: toolName);
        await using var db = browser.App.CreateDbContext();
        var stored = await db.ToolSuggestions.FindAsync([suggestion.Id], TestContext.Current.CancellationToken);
        stored!.Status = SuggestionStatus.Rejected;
        stored.Reason = "Not about open data.";
        stored.DecidedBy = "someone@example.org";
        stored.DecidedAt = DateTime.UtcNow;
        db.OutboxMessages.Add(new OutboxMessage
        {
            To = "suggester@example.org",
            Subject = $"We have not added {toolName} to the catalogue",
            Body = "Hello",
            SuggestionId = suggestion.Id,
            Status = status,
            Attempts = attempts,
            LastError = error,
            CreatedAt = DateTime.UtcNow,
            NextAttemptAt = DateTime.UtcNow.AddMinutes(2),
        });
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return stored;
    }
}
