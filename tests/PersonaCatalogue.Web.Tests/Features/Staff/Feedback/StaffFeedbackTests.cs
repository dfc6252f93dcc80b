using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using PersonaCatalogue.Core.Data.Entities;
using PersonaCatalogue.Web.Tests.Features.Feedback;
using PersonaCatalogue.Web.Tests.Infrastructure;

namespace PersonaCatalogue.Web.Tests.Features.Staff.Feedback;

public class StaffFeedbackTests(CatalogueAppFactory app) : IClassFixture<CatalogueAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<IHtmlDocument> GetAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await CatalogueAppFactory.ParseAsync(response);
    }

    private static Task<HttpResponseMessage> ActAsync(HttpClient client, int id, string action, string? returnUrl = null) =>
        client.PostFormAsync("/staff/feedback", returnUrl is null ? [] : [new("returnUrl", returnUrl)], $"/staff/feedback/{id}/{action}");

    private static List<int> ListedIds(IHtmlDocument doc) =>
        doc.QuerySelectorAll("article.app-feedback-item").Select(a => int.Parse(a.Id!["feedback-".Length..])).ToList();

    private async Task<PersonaFeedback> ReloadAsync(PersonaFeedback feedback)
    {
        await using var db = app.CreateDbContext();
        return await db.PersonaFeedback.AsNoTracking().SingleAsync(f => f.Id == feedback.Id, Ct);
    }

    [Fact]
    public async Task Inbox_FiltersByPersonaIterationAndStatus_NewestFirst()
    {
        var (client, _) = await app.SignedInClientAsync(StaffRoles.Moderator);
        var persona = await app.CreatePersonaAsync();
        var other = await app.CreatePersonaAsync();
        var older = await app.CreatePersonaFeedbackAsync(persona, createdAt: DateTime.UtcNow.AddDays(-2));
        var newer = await app.CreatePersonaFeedbackAsync(persona, createdAt: DateTime.UtcNow.AddDays(-1));
        var reviewed = await app.CreatePersonaFeedbackAsync(persona, status: FeedbackStatus.Reviewed);
        var spam = await app.CreatePersonaFeedbackAsync(persona, status: FeedbackStatus.Spam);
        var iterationTwo = await app.CreatePersonaFeedbackAsync(persona, iteration: 2);
        var otherPersona = await app.CreatePersonaFeedbackAsync(other);

        Assert.Equal([iterationTwo.Id, newer.Id, older.Id], ListedIds(await GetAsync(client, $"/staff/feedback?persona={persona.Slug}")));
        Assert.Equal([newer.Id, older.Id], ListedIds(await GetAsync(client, $"/staff/feedback?persona={persona.Slug}&iteration=1&status=new")));
        Assert.Equal([reviewed.Id], ListedIds(await GetAsync(client, $"/staff/feedback?persona={persona.Slug}&status=reviewed")));
        Assert.Equal([spam.Id], ListedIds(await GetAsync(client, $"/staff/feedback?persona={persona.Slug}&status=spam")));
        var all = await GetAsync(client, $"/staff/feedback?persona={persona.Slug}&status=all");
        Assert.Equal(5, ListedIds(all).Count);
        Assert.Equal("5 pieces of feedback, newest first.", all.QuerySelector("#feedback-total")!.TextContent.Trim());
        Assert.DoesNotContain(otherPersona.Id, ListedIds(all));
        // The filter form shows what is chosen.
        Assert.NotNull(all.QuerySelector($"select#persona option[value='{persona.Slug}'][selected]"));
        Assert.NotNull(all.QuerySelector("select#status option[value=all][selected]"));
    }

    [Fact]
    public async Task Inbox_IsPaged()
    {
        var (client, _) = await app.SignedInClientAsync(StaffRoles.Moderator);
        var persona = await app.CreatePersonaAsync();
        var start = DateTime.UtcNow.AddHours(-1);
        for (var i = 0; i < 27; i++)
        {
            await app.CreatePersonaFeedbackAsync(persona, createdAt: start.AddMinutes(i));
        }

        var first = await GetAsync(client, $"/staff/feedback?persona={persona.Slug}");
        var second = await GetAsync(client, $"/staff/feedback?persona={persona.Slug}&status=new&page=2");

        Assert.Equal(25, ListedIds(first).Count);
        Assert.Equal(2, ListedIds(second).Count);
        Assert.Empty(ListedIds(first).Intersect(ListedIds(second)));
        Assert.NotNull(first.QuerySelector($".govuk-pagination a[href='/staff/feedback?persona={persona.Slug}&status=new&page=2']"));
    }

    [Fact]
    public async Task Inbox_ShowsWhatThePublicTypedAsPlainText_AndEmailsOnlyToAdministrators()
    {
        var persona = await app.CreatePersonaAsync();
        await app.CreatePersonaFeedbackAsync(persona, missingOrWrong: "<script>alert(1)</script> **not bold**", email: "giver@example.org");
        var (moderator, _) = await app.SignedInClientAsync(StaffRoles.Moderator);
        var (administrator, _) = await app.SignedInClientAsync(StaffRoles.Administrator);

        var asModerator = await GetAsync(moderator, $"/staff/feedback?persona={persona.Slug}");
        var asAdministrator = await GetAsync(administrator, $"/staff/feedback?persona={persona.Slug}");

        var item = asModerator.QuerySelector("article.app-feedback-item")!;
        Assert.Contains("<script>alert(1)</script> **not bold**", item.TextContent);
        Assert.Null(item.QuerySelector("script, strong:not(.govuk-tag)"));
        Assert.DoesNotContain("giver@example.org", asModerator.DocumentElement.OuterHtml);
        Assert.Contains("giver@example.org", asAdministrator.QuerySelector("article.app-feedback-item")!.TextContent);
    }

    [Fact]
    public async Task Summary_CountsPerAnswerAndIteration_LeavesSpamOut()
    {
        var (client, _) = await app.SignedInClientAsync(StaffRoles.Moderator);
        var persona = await app.CreatePersonaAsync();
        await app.CreatePersonaFeedbackAsync(persona, Usefulness.VeryUseful, RightPeople.Yes);
        await app.CreatePersonaFeedbackAsync(persona, Usefulness.NotUseful, RightPeople.No, status: FeedbackStatus.Reviewed);
        await app.CreatePersonaFeedbackAsync(persona, Usefulness.NotUseful, RightPeople.No, status: FeedbackStatus.Spam);
        await app.CreatePersonaFeedbackAsync(persona, Usefulness.SomewhatUseful, RightPeople.Partly, iteration: 2);

        var doc = await GetAsync(client, $"/staff/feedback?persona={persona.Slug}&status=all");

        Assert.Contains("2 people answered.", doc.QuerySelector("#summary-1")!.TextContent);
        var one = PersonaFeedbackSummaryTests.Bars(doc, "usefulness-1");
        Assert.Equal(("1", "50%", "app-bar--50"), one["Very useful"]);
        Assert.Equal(("1", "50%", "app-bar--50"), one["Not useful"]);
        Assert.Equal(("0", "0%", "app-bar--0"), one["Somewhat useful"]);
        Assert.Equal(("1", "50%", "app-bar--50"), PersonaFeedbackSummaryTests.Bars(doc, "right-people-1")["No"]);
        Assert.Contains("1 person answered.", doc.QuerySelector("#summary-2")!.TextContent);
        Assert.Equal(("1", "100%", "app-bar--100"), PersonaFeedbackSummaryTests.Bars(doc, "usefulness-2")["Somewhat useful"]);
        Assert.Equal("Iteration 2", doc.QuerySelector("#summary-2 h3")!.TextContent.Trim());
    }

    [Fact]
    public async Task Overview_WithoutAPersona_ListsAnswersPerPersonaAndIteration()
    {
        var (client, _) = await app.SignedInClientAsync(StaffRoles.Moderator);
        var persona = await app.CreatePersonaAsync();
        await app.CreatePersonaFeedbackAsync(persona);
        await app.CreatePersonaFeedbackAsync(persona, status: FeedbackStatus.Reviewed);
        await app.CreatePersonaFeedbackAsync(persona, status: FeedbackStatus.Spam);

        var doc = await GetAsync(client, "/staff/feedback");

        var row = doc.QuerySelectorAll("#overview tbody tr").Single(r => r.QuerySelector("a")!.TextContent == persona.Name);
        Assert.Equal(["1 (current)", "2", "1"], row.QuerySelectorAll("td").Select(c => c.TextContent.Trim()));
    }

    [Fact]
    public async Task MarkSpam_TakesItOutOfThePublicAndStaffCounts_AndIsAudited()
    {
        var persona = await app.CreatePersonaAsync();
        var kept = await app.CreatePersonaFeedbackAsync(persona, Usefulness.VeryUseful, RightPeople.Yes);
        var spam = await app.CreatePersonaFeedbackAsync(persona, Usefulness.NotUseful, RightPeople.No, consent: true, published: true, missingOrWrong: "Buy cheap watches");
        var (client, email) = await app.SignedInClientAsync(StaffRoles.Moderator);
        Assert.Equal("2 people have answered.", (await app.GetDocumentAsync($"/personas/{persona.Slug}")).QuerySelector("#feedback-count")!.TextContent.Trim());

        var returnUrl = $"/staff/feedback?persona={persona.Slug}&status=all";
        using var response = await ActAsync(client, spam.Id, "spam", returnUrl);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(returnUrl, response.Headers.Location!.OriginalString);
        var staff = await GetAsync(client, returnUrl);
        Assert.Contains($"Feedback {spam.Id} marked as spam", staff.QuerySelector(".govuk-notification-banner")!.TextContent);
        Assert.Contains("1 person answered.", staff.QuerySelector("#summary-1")!.TextContent);
        Assert.Equal(("0", "0%", "app-bar--0"), PersonaFeedbackSummaryTests.Bars(staff, "usefulness-1")["Not useful"]);

        var page = await app.GetDocumentAsync($"/personas/{persona.Slug}");
        Assert.Equal("1 person has answered.", page.QuerySelector("#feedback-count")!.TextContent.Trim());
        Assert.Equal(("0", "0%", "app-bar--0"), PersonaFeedbackSummaryTests.Bars(page, "usefulness")["Not useful"]);
        Assert.Equal(("1", "100%", "app-bar--100"), PersonaFeedbackSummaryTests.Bars(page, "usefulness")["Very useful"]);
        Assert.DoesNotContain("Buy cheap watches", page.DocumentElement.OuterHtml);

        var stored = await ReloadAsync(spam);
        Assert.Equal(FeedbackStatus.Spam, stored.Status);
        Assert.False(stored.CommentPublished);
        Assert.Equal(email, stored.ReviewedBy);
        Assert.Equal(FeedbackStatus.New, (await ReloadAsync(kept)).Status);
        await using var db = app.CreateDbContext();
        var audit = await db.AuditEvents.SingleAsync(e => e.Action == "feedback.spam" && e.TargetKey == spam.Id.ToString(), Ct);
        Assert.Equal(email, audit.UserEmail);
        Assert.Equal("feedback", audit.TargetType);
        Assert.Contains("Spam", audit.Details);
    }

    [Fact]
    public async Task MarkReviewed_SetsTheStatusAndWhoDidIt_AndIsAudited()
    {
        var persona = await app.CreatePersonaAsync();
        var feedback = await app.CreatePersonaFeedbackAsync(persona);
        var (client, email) = await app.SignedInClientAsync(StaffRoles.Moderator);

        using var response = await ActAsync(client, feedback.Id, "review");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/staff/feedback", response.Headers.Location!.OriginalString);
        var stored = await ReloadAsync(feedback);
        Assert.Equal(FeedbackStatus.Reviewed, stored.Status);
        Assert.Equal(email, stored.ReviewedBy);
        Assert.NotNull(stored.ReviewedAt);
        await using var db = app.CreateDbContext();
        Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == "feedback.reviewed" && e.TargetKey == feedback.Id.ToString() && e.UserEmail == email, Ct));
    }

    [Fact]
    public async Task Actions_ReturnOnlyToTheFeedbackInbox()
    {
        var persona = await app.CreatePersonaAsync();
        var feedback = await app.CreatePersonaFeedbackAsync(persona);
        var (client, _) = await app.SignedInClientAsync(StaffRoles.Moderator);

        using var offsite = await ActAsync(client, feedback.Id, "review", "https://evil.example.com/staff/feedback");
        using var elsewhere = await ActAsync(client, feedback.Id, "spam", "/staff/audit");

        Assert.Equal("/staff/feedback", offsite.Headers.Location!.OriginalString);
        Assert.Equal("/staff/feedback", elsewhere.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Publish_ConsentingComment_AppearsOnThePersonaPageWithoutEmail_AndWithdrawTakesItAway()
    {
        var persona = await app.CreatePersonaAsync();
        var feedback = await app.CreatePersonaFeedbackAsync(persona, missingOrWrong: "More about commissioning, please.", consent: true, email: "quiet@example.org");
        var (client, email) = await app.SignedInClientAsync(StaffRoles.Moderator);
        Assert.DoesNotContain("More about commissioning", (await app.GetDocumentAsync($"/personas/{persona.Slug}")).DocumentElement.OuterHtml);

        using var published = await ActAsync(client, feedback.Id, "publish");

        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        var page = await app.GetDocumentAsync($"/personas/{persona.Slug}");
        Assert.Contains("More about commissioning, please.", Assert.Single(page.QuerySelectorAll(".app-comment")).TextContent);
        Assert.DoesNotContain("quiet@example.org", page.DocumentElement.OuterHtml);
        var stored = await ReloadAsync(feedback);
        Assert.True(stored.CommentPublished);
        Assert.Equal(FeedbackStatus.Reviewed, stored.Status);
        var inbox = await GetAsync(client, $"/staff/feedback?persona={persona.Slug}&status=all");
        Assert.NotNull(inbox.QuerySelector($"#feedback-{feedback.Id} form[action='/staff/feedback/{feedback.Id}/withdraw']"));
        Assert.Null(inbox.QuerySelector($"#feedback-{feedback.Id} form[action='/staff/feedback/{feedback.Id}/publish']"));

        using var withdrawn = await ActAsync(client, feedback.Id, "withdraw");

        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        Assert.Empty((await app.GetDocumentAsync($"/personas/{persona.Slug}")).QuerySelectorAll(".app-comment"));
        Assert.False((await ReloadAsync(feedback)).CommentPublished);
        await using var db = app.CreateDbContext();
        var actions = await db.AuditEvents.Where(e => e.TargetType == "feedback" && e.TargetKey == feedback.Id.ToString()).Select(e => e.Action).ToListAsync(Ct);
        Assert.Equal(["feedback.comment-published", "feedback.comment-withdrawn"], actions);
        Assert.All(await db.AuditEvents.Where(e => e.TargetKey == feedback.Id.ToString()).ToListAsync(Ct), e => Assert.Equal(email, e.UserEmail));
    }

    [Fact]
    public async Task Publish_WithoutConsent_IsRefusedWithAMessage_AndNothingChanges()
    {
        var persona = await app.CreatePersonaAsync();
        var feedback = await app.CreatePersonaFeedbackAsync(persona, missingOrWrong: "Keep this private", consent: false);
        var (client, _) = await app.SignedInClientAsync(StaffRoles.Moderator);

        var inbox = await GetAsync(client, $"/staff/feedback?persona={persona.Slug}");
        Assert.Null(inbox.QuerySelector($"form[action='/staff/feedback/{feedback.Id}/publish']"));
        using var response = await ActAsync(client, feedback.Id, "publish");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var doc = await CatalogueAppFactory.ParseAsync(response);
        Assert.Contains("did not agree to publishing", doc.QuerySelector("#reason")!.TextContent);
        Assert.False((await ReloadAsync(feedback)).CommentPublished);
        Assert.DoesNotContain("Keep this private", (await app.GetDocumentAsync($"/personas/{persona.Slug}")).DocumentElement.OuterHtml);
        await using var db = app.CreateDbContext();
        Assert.False(await db.AuditEvents.AnyAsync(e => e.TargetType == "feedback" && e.TargetKey == feedback.Id.ToString(), Ct));
    }

    [Theory]
    [InlineData(FeedbackStatus.Spam, "It is spam", "marked as spam")]
    [InlineData(FeedbackStatus.New, null, "no comment to publish")]
    public async Task Publish_SpamOrNoComment_IsRefused(FeedbackStatus status, string? comment, string reason)
    {
        var persona = await app.CreatePersonaAsync();
        var feedback = await app.CreatePersonaFeedbackAsync(persona, missingOrWrong: comment, consent: true, status: status);
        var (client, _) = await app.SignedInClientAsync(StaffRoles.Moderator);

        using var response = await ActAsync(client, feedback.Id, "publish");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains(reason, (await CatalogueAppFactory.ParseAsync(response)).QuerySelector("#reason")!.TextContent);
        Assert.False((await ReloadAsync(feedback)).CommentPublished);
    }

    [Fact]
    public async Task NewIteration_OldFeedbackStaysInTheStaffView_WhileThePublicCountsStartAgain()
    {
        var persona = await app.CreatePersonaAsync();
        var old = await app.CreatePersonaFeedbackAsync(persona, Usefulness.SomewhatUseful, RightPeople.Partly);
        await using (var db = app.CreateDbContext())
        {
            db.PersonaIterations.Add(new PersonaIteration { PersonaId = persona.Id, Number = 2, PublishedOn = new DateOnly(2026, 5, 1), ChangeNotes = "Reworked after feedback." });
            await db.Personas.Where(p => p.Id == persona.Id).ExecuteUpdateAsync(u => u.SetProperty(p => p.Iteration, 2), Ct);
            await db.SaveChangesAsync(Ct);
        }

        var (client, _) = await app.SignedInClientAsync(StaffRoles.Moderator);

        Assert.Equal("Nobody has given feedback on this iteration yet.", (await app.GetDocumentAsync($"/personas/{persona.Slug}")).QuerySelector("#feedback-count")!.TextContent.Trim());
        var staff = await GetAsync(client, $"/staff/feedback?persona={persona.Slug}&status=all");
        Assert.Contains(old.Id, ListedIds(staff));
        Assert.Contains("iteration 1", staff.QuerySelector($"#feedback-{old.Id} h3")!.TextContent);
        Assert.Equal("Iteration 1", staff.QuerySelector("#summary-1 h3")!.TextContent.Trim());
        Assert.Equal(("1", "100%", "app-bar--100"), PersonaFeedbackSummaryTests.Bars(staff, "usefulness-1")["Somewhat useful"]);
        Assert.Contains("on iteration 2", staff.QuerySelector("#summary")!.ParentElement!.TextContent);
        Assert.Equal([old.Id], ListedIds(await GetAsync(client, $"/staff/feedback?persona={persona.Slug}&iteration=1&status=all")));
        Assert.Empty(ListedIds(await GetAsync(client, $"/staff/feedback?persona={persona.Slug}&iteration=2&status=all")));
    }

    [Fact]
    public async Task Dashboard_CountsNewFeedback()
    {
        var (client, _) = await app.SignedInClientAsync(StaffRoles.Moderator);
        var before = int.Parse((await GetAsync(client, "/staff")).QuerySelector("#feedback-count span")!.TextContent);
        var persona = await app.CreatePersonaAsync();
        await app.CreatePersonaFeedbackAsync(persona);
        await app.CreatePersonaFeedbackAsync(persona, status: FeedbackStatus.Reviewed);

        var doc = await GetAsync(client, "/staff");

        Assert.Equal(before + 1, int.Parse(doc.QuerySelector("#feedback-count span")!.TextContent));
        Assert.NotNull(doc.QuerySelector("a[href='/staff/feedback']"));
    }
}
