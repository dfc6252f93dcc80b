using System.Net;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using PersonaCatalogue.Core.Data.Entities;
using PersonaCatalogue.Web.Tests.Infrastructure;

namespace PersonaCatalogue.Web.Tests.Features.Staff.Suggestions;

/// <summary>The app sending through a real SMTP server in the test process, with Site:BaseUrl set.</summary>
public class EmailAppFactory : ClockedAppFactory
{
    public const string BaseUrl = "https://catalogue.example.org";

    public TestSmtpServer Smtp { get; } = new();

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>(Smtp.Settings) { ["Site:BaseUrl"] = BaseUrl };

    /// <summary>
    /// Waits for <paramref name="condition"/>, moving the app's clock on by <paramref name="step"/> before each try, so
    /// the sender polls (every 10 s) and retries (after 1, 2, 4 … minutes) without the test waiting for real.
    /// </summary>
    public Task UntilAsync(Func<Task<bool>> condition, string what, TimeSpan? step = null) =>
        Eventually.UntilAsync(condition, what, () => Clock.Advance(step ?? TimeSpan.FromSeconds(10)));

    public async Task<(ToolSuggestion Suggestion, string Email)> CreateSuggestionWithEmailAsync(string toolName)
    {
        var suggestion = await this.CreateSuggestionAsync(toolName: toolName);
        var email = TestData.Unique("suggester") + "@example.org";
        await using var db = CreateDbContext();
        await db.ToolSuggestions.Where(s => s.Id == suggestion.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.SuggesterEmail, email), TestContext.Current.CancellationToken);
        return (suggestion, email);
    }

    public async Task<OutboxMessage?> OutboxFor(int suggestionId)
    {
        await using var db = CreateDbContext();
        return await db.OutboxMessages.AsNoTracking().SingleOrDefaultAsync(m => m.SuggestionId == suggestionId, TestContext.Current.CancellationToken);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

public class RunningMailServerAppFactory : EmailAppFactory
{
    public RunningMailServerAppFactory() => Smtp.Start();
}

/// <summary>Each decision emails the suggester who gave an address: plain text, with the tool, the decision, the reason and the links.</summary>
public class DecisionEmailTests(RunningMailServerAppFactory app) : IClassFixture<RunningMailServerAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<MimeMessage> DeliveredAsync(string email)
    {
        await app.UntilAsync(() => Task.FromResult(app.Smtp.ReceivedBy(email).Count > 0), $"an email to {email}");
        return Assert.Single(app.Smtp.ReceivedBy(email));
    }

    private static Task<HttpResponseMessage> DecideAsync(HttpClient moderator, ToolSuggestion suggestion, string action, string field, string value) =>
        moderator.PostFormAsync($"/staff/suggestions/{suggestion.Id}", [new("Version", suggestion.Version.ToString()), new(field, value)], $"/staff/suggestions/{suggestion.Id}/{action}");

    [Fact]
    public async Task Reject_EmailsTheSuggester_TheToolTheReasonAndTheStatusLink()
    {
        var (moderator, _) = await app.SignedInClientAsync(StaffRoles.Moderator);
        var (suggestion, email) = await app.CreateSuggestionWithEmailAsync("Ferret Tables");

        using var response = await DecideAsync(moderator, suggestion, "reject", "Reason", "It is an advert, not a tool.");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var message = await DeliveredAsync(email);
        Assert.Equal("We have not added Ferret Tables to the catalogue", message.Subject);
        Assert.Equal("noreply@catalogue.example.org", message.From.Mailboxes.Single().Address);
        Assert.Null(message.HtmlBody);
        Assert.Contains($"Thank you for suggesting Ferret Tables (reference {suggestion.Reference}).", message.TextBody);
        Assert.Contains("It is an advert, not a tool.", message.TextBody);
        Assert.Contains($"{EmailAppFactory.BaseUrl}/suggestions/{suggestion.StatusToken}", message.TextBody);
        Assert.DoesNotContain("/tools/", message.TextBody);

        await app.UntilAsync(async () => (await app.OutboxFor(suggestion.Id))?.Status == OutboxStatus.Sent, "the email marked as sent");
        var review = await CatalogueAppFactory.ParseAsync(await moderator.GetAsync($"/staff/suggestions/{suggestion.Id}", Ct));
        Assert.Equal("Sent", review.QuerySelector("#decision-email .govuk-tag")!.TextContent.Trim());
        Assert.Contains("Sent on ", review.QuerySelector("#decision-email")!.TextContent);
    }

    [Fact]
    public async Task Duplicate_EmailsTheSuggester_WhichToolItDuplicatesAndItsPage()
    {
        var (moderator, _) = await app.SignedInClientAsync(StaffRoles.Moderator);
        var (suggestion, email) = await app.CreateSuggestionWithEmailAsync("Stoat Validator");

        using var response = await DecideAsync(moderator, suggestion, "duplicate", "ToolSlug", "csvlint");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var message = await DeliveredAsync(email);
        Assert.Equal("Stoat Validator is already in the catalogue", message.Subject);
        Assert.Contains("because it is already in the catalogue as CSVLint", message.TextBody);
        Assert.Contains($"{EmailAppFactory.BaseUrl}/tools/csvlint", message.TextBody);
        Assert.Contains($"{EmailAppFactory.BaseUrl}/suggestions/{suggestion.StatusToken}", message.TextBody);
    }

    [Fact]
    public async Task Approve_EmailsTheSuggester_ThePublishedToolsPage()
    {
        var (moderator, _) = await app.SignedInClientAsync(StaffRoles.Moderator);
        var (suggestion, email) = await app.CreateSuggestionWithEmailAsync("Badger Maps");

        using var response = await moderator.PostFormAsync($"/staff/suggestions/{suggestion.Id}/approve",
        [
            new("Name", "Badger Maps"), new("Slug", "badger-maps"), new("Url", "https://badger-maps.example.org/"),
            new("Summary", "Badger Maps puts open data on a map."), new("Description", "Maps for councils."),
            new("Kind", "software"), new("Cost", "free"), new("Open", "yes"), new("Publisher", "Example Trust"),
            new("Personas", "sara"), new("PersonaWhy[sara]", "Sara can see her data on a map."), new("Action", "publish"),
            new("version", suggestion.Version.ToString()),
        ]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var message = await DeliveredAsync(email);
        Assert.Equal("Badger Maps is now in the catalogue", message.Subject);
        Assert.Contains("We have approved it and added it to the catalogue.", message.TextBody);
        Assert.Contains($"{EmailAppFactory.BaseUrl}/tools/badger-maps", message.TextBody);
        Assert.Contains($"{EmailAppFactory.BaseUrl}/suggestions/{suggestion.StatusToken}", message.TextBody);
    }

    [Fact]
    public async Task Decision_SuggesterGaveNoEmail_QueuesNothing()
    {
        var (moderator, _) = await app.SignedInClientAsync(StaffRoles.Moderator);
        var suggestion = await app.CreateSuggestionAsync(toolName: "Weasel Lists");

        using var response = await DecideAsync(moderator, suggestion, "reject", "Reason", "Not about open data.");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Null(await app.OutboxFor(suggestion.Id));
        var review = await CatalogueAppFactory.ParseAsync(await moderator.GetAsync($"/staff/suggestions/{suggestion.Id}", Ct));
        Assert.Contains("The suggester gave no email address", review.QuerySelector("#decision-email")!.TextContent);
    }

    [Fact]
    public async Task Form_WithSmtp_PromisesAnEmailAboutTheDecision()
    {
        var form = await app.GetDocumentAsync("/suggest-a-tool");
        var privacy = await app.GetDocumentAsync("/privacy");

        Assert.Contains("We only use your details to tell you what we decided.", form.QuerySelector("#about-you")!.TextContent);
        Assert.Equal("Only if you want an email when we decide", form.QuerySelector("#SuggesterEmail-hint")!.TextContent);
        Assert.StartsWith("If you give an email address with a suggestion, we email you once when we decide on it.", privacy.QuerySelector("#decision-emails")!.TextContent);
    }
}

/// <summary>A mail server that is down when the moderator decides, and comes back later.</summary>
public class DecisionEmailOutageTests(EmailAppFactory app) : IClassFixture<EmailAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Reject_WhileTheMailServerIsDown_Succeeds_KeepsTheEmail_AndDeliversItOnceWhenTheServerIsBack()
    {
        var (moderator, _) = await app.SignedInClientAsync(StaffRoles.Moderator);
        var (suggestion, email) = await app.CreateSuggestionWithEmailAsync("Otter Notes");

        using var response = await moderator.PostFormAsync($"/staff/suggestions/{suggestion.Id}",
            [new("Version", suggestion.Version.ToString()), new("Reason", "It needs an account to use.")], $"/staff/suggestions/{suggestion.Id}/reject");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await app.UntilAsync(async () => (await app.OutboxFor(suggestion.Id)) is { Attempts: > 0, LastError: not null }, "a failed attempt");
        var waiting = (await app.OutboxFor(suggestion.Id))!;
        Assert.Equal(OutboxStatus.Waiting, waiting.Status);
        await using (var db = app.CreateDbContext())
        {
            Assert.Equal(SuggestionStatus.Rejected, (await db.ToolSuggestions.AsNoTracking().SingleAsync(s => s.Id == suggestion.Id, Ct)).Status);
        }

        var review = await CatalogueAppFactory.ParseAsync(await moderator.GetAsync($"/staff/suggestions/{suggestion.Id}", Ct));
        Assert.Equal("Waiting", review.QuerySelector("#decision-email .govuk-tag")!.TextContent.Trim());
        Assert.Contains("failed so far", review.QuerySelector("#decision-email")!.TextContent);

        app.Smtp.Start();
        await app.UntilAsync(async () => (await app.OutboxFor(suggestion.Id))?.Status == OutboxStatus.Sent, "the email sent once the server is back", TimeSpan.FromMinutes(1));

        var message = Assert.Single(app.Smtp.ReceivedBy(email));
        Assert.Contains("It needs an account to use.", message.TextBody);
        Assert.Single(app.Smtp.Received);
        var review2 = await CatalogueAppFactory.ParseAsync(await moderator.GetAsync($"/staff/suggestions/{suggestion.Id}", Ct));
        Assert.Equal("Sent", review2.QuerySelector("#decision-email .govuk-tag")!.TextContent.Trim());
    }
}
