using System.Net;
using System.Text.Json;
using AngleSharp.Html.Parser;
using PersonaCatalogue.Core.Data.Entities;
using PersonaCatalogue.Web.Tests.Infrastructure;
using PersonaCatalogue.Web.Tests.Infrastructure.PageCaching;

namespace PersonaCatalogue.Web.Tests.Features.Feedback;

/// <summary>
/// The public counts of "Where do you need more support?" at /support-needs/summary: by skill area, last 12 months,
/// spam left out, never the answers' words; a cached page that an answer or a spam mark evicts.
/// </summary>
public class SupportNeedsSummaryTests(ClockedAppFactory app) : IClassFixture<ClockedAppFactory>
{
    private const string SummaryUrl = "/support-needs/summary";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static (int Answered, Dictionary<string, int> Areas) Counts(string html)
    {
        var doc = new HtmlParser().ParseDocument(html);
        var answered = doc.QuerySelector("#support-needs-answered")!.TextContent;
        var areas = doc.QuerySelectorAll("#support-needs-by-area tbody tr")
            .ToDictionary(row => row.Id!["area-".Length..], row => int.Parse(row.QuerySelector("td")!.TextContent, System.Globalization.CultureInfo.InvariantCulture));
        var number = System.Text.RegularExpressions.Regex.Match(answered, @", (\d+) (person|people) told us").Groups[1].Value;
        return (int.Parse(number, System.Globalization.CultureInfo.InvariantCulture), areas);
    }

    [Fact]
    public async Task Page_IsATableOfEveryArea_WithCaptionAndHeaders_AndLinkedFromHomeAndTheForm()
    {
        var doc = await app.GetDocumentAsync(SummaryUrl);

        Assert.Equal("Where people need more support – Learning personas", doc.Title);
        var table = doc.QuerySelector("table#support-needs-by-area")!;
        Assert.Equal("Answers naming each skill area, last 12 months", table.QuerySelector("caption")!.TextContent.Trim());
        Assert.Equal(["col", "col"], table.QuerySelectorAll("thead th").Select(th => th.GetAttribute("scope")));
        Assert.All(table.QuerySelectorAll("tbody th"), th => Assert.Equal("row", th.GetAttribute("scope")));
        Assert.Equal(
            ["area-introductions", "area-business", "area-management", "area-publishing", "area-analysis", "area-leadership", "area-none"],
            table.QuerySelectorAll("tbody tr").Select(tr => tr.Id));
        Assert.NotNull((await app.GetDocumentAsync("/")).QuerySelector($"a[href='{SummaryUrl}']"));
        Assert.NotNull((await app.GetDocumentAsync("/support-needs")).QuerySelector($"a[href='{SummaryUrl}']"));
    }

    [Fact]
    public async Task AnAnswer_MovesTheCountsAndEvictsThePage_ASpamMarkTakesItOutAgain()
    {
        var words = TestData.Unique("Help with publishing spending data");
        var (staff, _) = await app.SignedInClientAsync(StaffRoles.Moderator);
        await app.PrimeAsync(SummaryUrl);
        var before = Counts((await app.GetPageAsync(SummaryUrl)).Html);

        using var client = app.CreateBrowserLikeClient();
        using (var sent = await client.PostFormAsync("/support-needs", [new("SupportNeeded", words), new("Areas", "publishing"), new("Areas", "analysis"), new("Website", "")]))
        {
            Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        }

        var afterAnswer = await app.GetPageAsync(SummaryUrl);
        Assert.False(afterAnswer.FromCache, "the answer did not evict the cached page");
        var answered = Counts(afterAnswer.Html);
        Assert.Equal(before.Answered + 1, answered.Answered);
        Assert.Equal(before.Areas["publishing"] + 1, answered.Areas["publishing"]);
        Assert.Equal(before.Areas["analysis"] + 1, answered.Areas["analysis"]);
        Assert.Equal(before.Areas["leadership"], answered.Areas["leadership"]);
        Assert.Equal(before.Areas["none"], answered.Areas["none"]);
        Assert.DoesNotContain(words, afterAnswer.Html);

        int id;
        await using (var db = app.CreateDbContext())
        {
            id = db.SupportNeedFeedback.Single(f => f.SupportNeeded == words).Id;
        }

        await app.PrimeAsync(SummaryUrl);
        using (var spam = await staff.PostFormAsync("/staff/feedback", [], $"/staff/feedback/{id}/spam"))
        {
            Assert.Equal(HttpStatusCode.Redirect, spam.StatusCode);
        }

        var afterSpam = await app.GetPageAsync(SummaryUrl);
        Assert.False(afterSpam.FromCache, "marking the answer as spam did not evict the cached page");
        var spammed = Counts(afterSpam.Html);
        Assert.Equal(before.Answered, spammed.Answered);
        Assert.Equal(before.Areas["publishing"], spammed.Areas["publishing"]);
        Assert.Equal(before.Areas["analysis"], spammed.Areas["analysis"]);
    }

    [Fact]
    public async Task AnAnswerOlderThanTwelveMonths_IsNotCounted()
    {
        // The API's counts are not kept in the page cache, so moving the app's clock shows at once (the page, cached,
        // follows within the cache's expiry). The page is not read here: a copy cached before the clock moves would
        // be stale for the other tests of this class.
        async Task<(int Answered, int Business, string From)> ApiCountsAsync()
        {
            using var client = app.CreateBrowserLikeClient();
            using var json = JsonDocument.Parse(await client.GetStringAsync("/api/v1/support-needs", Ct));
            var business = json.RootElement.GetProperty("areas").EnumerateArray().Single(a => a.GetProperty("area").GetString() == "business");
            return (json.RootElement.GetProperty("answered").GetInt32(), business.GetProperty("answers").GetInt32(), json.RootElement.GetProperty("from").GetString()!);
        }

        var now = app.Clock.GetUtcNow().UtcDateTime;
        var before = await ApiCountsAsync();
        await app.CreateSupportNeedAsync(areas: ["business"], createdAt: now.AddMonths(-13));
        await app.CreateSupportNeedAsync(areas: ["business"], createdAt: now.AddMonths(-11));

        var withBoth = await ApiCountsAsync();
        Assert.Equal((before.Answered + 1, before.Business + 1), (withBoth.Answered, withBoth.Business));
        Assert.Equal(DateOnly.FromDateTime(now.AddMonths(-12)).ToString("yyyy-MM-dd"), withBoth.From);

        app.Clock.Advance(TimeSpan.FromDays(62));
        var later = await ApiCountsAsync();
        Assert.Equal((before.Answered, before.Business), (later.Answered, later.Business));
    }

    [Fact]
    public async Task Spam_IsNeverCounted()
    {
        var before = Counts((await app.GetPageAsync(SummaryUrl)).Html);

        await app.CreateSupportNeedAsync(areas: ["introductions"], status: FeedbackStatus.Spam);

        var after = Counts((await app.GetPageAsync(SummaryUrl)).Html);
        Assert.Equal(before.Answered, after.Answered);
        Assert.Equal(before.Areas["introductions"], after.Areas["introductions"]);
    }
}
