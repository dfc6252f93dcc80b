using System.Net;
using System.Text.Json;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using PersonaCatalogue.Core.Data.Entities;
using PersonaCatalogue.Web.Tests.Infrastructure;

namespace PersonaCatalogue.Web.Tests.Features.Tools;

/// <summary>
/// "Most found helpful": tools with enough answers (spam left out) first, by the share who said they helped; the rest
/// after them by name. Each test makes its own tools with one unique word in their names and searches for it, so it
/// sees only its own tools.
/// </summary>
public class ToolsHelpfulSortTests(CatalogueAppFactory app) : IClassFixture<CatalogueAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static List<string> Names(IHtmlDocument doc) =>
        doc.QuerySelectorAll(".app-card__title a").Select(a => a.TextContent.Trim()).ToList();

    /// <summary>A tool named "<paramref name="name"/> <paramref name="word"/>" with the given answers.</summary>
    private async Task CreateAsync(string word, string name, int yes, int no, int spamYes = 0, int spamNo = 0)
    {
        var tool = await app.CreateToolAsync($"{name} {word}");
        foreach (var (helped, status, count) in new[] { (true, FeedbackStatus.New, yes), (false, FeedbackStatus.Reviewed, no), (true, FeedbackStatus.Spam, spamYes), (false, FeedbackStatus.Spam, spamNo) })
        {
            for (var i = 0; i < count; i++)
            {
                await app.CreateToolFeedbackAsync(tool, helped, status: status);
            }
        }
    }

    [Fact]
    public async Task HelpfulSort_RanksOnlyToolsWithEnoughAnswers_ByShareThatHelped_ThenTheRestByName()
    {
        var word = TestData.Unique("hs").Replace("-", "");
        await CreateAsync(word, "Alpha", yes: 1, no: 0);                  // one keen vote: not enough to rank
        await CreateAsync(word, "Bravo", yes: 4, no: 1);                  // 80% of 5
        await CreateAsync(word, "Charlie", yes: 3, no: 3);                // 50% of 6
        await CreateAsync(word, "Delta", yes: 0, no: 0);                  // nobody answered
        await CreateAsync(word, "Echo", yes: 5, no: 0, spamNo: 3);        // 100% of 5 once spam is left out
        await CreateAsync(word, "Foxtrot", yes: 4, no: 0, spamYes: 2);    // only 4 answers without the spam

        var doc = await app.GetDocumentAsync($"/tools?q={word}&sort=helpful");

        Assert.Equal(["Echo", "Bravo", "Charlie", "Alpha", "Delta", "Foxtrot"], Names(doc).Select(n => n.Split(' ')[0]));
        Assert.NotNull(doc.QuerySelector("select#sort option[value=helpful][selected]"));
        Assert.Contains("at least 5 answers", doc.QuerySelector("#helpful-note")!.TextContent);
        Assert.Equal(
            ["5 of 5 people said it helped.", "4 of 5 people said it helped.", "3 of 6 people said it helped.", "1 of 1 person said it helped.", "Nobody has answered yet.", "4 of 4 people said it helped."],
            doc.QuerySelectorAll(".app-card__helpfulness").Select(p => p.TextContent.Trim()));

        // Other filters still apply, and the default order is still by name, without counts.
        Assert.Equal(6, Names(await app.GetDocumentAsync($"/tools?q={word}&kind=software&sort=helpful")).Count);
        Assert.Empty(Names(await app.GetDocumentAsync($"/tools?q={word}&kind=guide&sort=helpful")));
        var byName = await app.GetDocumentAsync($"/tools?q={word}");
        Assert.Equal(["Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot"], Names(byName).Select(n => n.Split(' ')[0]));
        Assert.Empty(byName.QuerySelectorAll(".app-card__helpfulness"));
        Assert.Equal("/tools?sort=helpful", doc.QuerySelector(".app-filter-tag")!.GetAttribute("href"));
    }

    [Fact]
    public async Task HelpfulSort_OneYesVote_DoesNotOutrankFiveAnswersWithFourYes()
    {
        var word = TestData.Unique("hs").Replace("-", "");
        await CreateAsync(word, "Aardvark", yes: 1, no: 0);
        await CreateAsync(word, "Zebra", yes: 4, no: 1);

        Assert.Equal(["Zebra", "Aardvark"], Names(await app.GetDocumentAsync($"/tools?q={word}&sort=helpful")).Select(n => n.Split(' ')[0]));
    }

    [Fact]
    public async Task HelpfulSort_ChangesAsSoonAsAnAnswerIsMarkedAsSpam()
    {
        var word = TestData.Unique("hs").Replace("-", "");
        await CreateAsync(word, "Alpha", yes: 5, no: 0);
        var bravo = await app.CreateToolAsync($"Bravo {word}");
        var answers = new List<ToolFeedback>();
        for (var i = 0; i < 5; i++)
        {
            answers.Add(await app.CreateToolFeedbackAsync(bravo, helped: i < 4));
        }

        // Bravo (80%) behind Alpha (100%); once one of its answers is spam it has too few to rank.
        Assert.Equal(["Alpha", "Bravo"], Names(await app.GetDocumentAsync($"/tools?q={word}&sort=helpful")).Select(n => n.Split(' ')[0]));
        var (staff, _) = await app.SignedInClientAsync(StaffRoles.Moderator);
        using var response = await staff.PostFormAsync("/staff/feedback", [], $"/staff/feedback/{answers[4].Id}/spam");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await CreateAsync(word, "Charlie", yes: 3, no: 2);

        Assert.Equal(["Alpha", "Charlie", "Bravo"], Names(await app.GetDocumentAsync($"/tools?q={word}&sort=helpful")).Select(n => n.Split(' ')[0]));
    }

    [Fact]
    public async Task Api_TakesTheSameSort_PagedInSql()
    {
        var word = TestData.Unique("hs").Replace("-", "");
        await CreateAsync(word, "Alpha", yes: 1, no: 0);
        await CreateAsync(word, "Bravo", yes: 4, no: 1);
        await CreateAsync(word, "Charlie", yes: 5, no: 0);
        await CreateAsync(word, "Delta", yes: 0, no: 5);
        using var client = app.CreateBrowserLikeClient();

        async Task<List<string>> NamesAsync(string query)
        {
            using var response = await client.GetAsync($"/api/v1/tools?q={word}&sort=helpful{query}", Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
            return json.RootElement.GetProperty("tools").EnumerateArray().Select(t => t.GetProperty("name").GetString()!.Split(' ')[0]).ToList();
        }

        Assert.Equal(["Charlie", "Bravo", "Delta", "Alpha"], await NamesAsync(""));
        Assert.Equal(["Delta", "Alpha"], await NamesAsync("&page_size=2&page=2"));

        // The order follows the answers, so Last-Modified does too (an answer stamped later than any tool change).
        var later = new DateTime(2031, 5, 6, 7, 8, 9, DateTimeKind.Utc);
        var echo = await app.CreateToolAsync($"Echo {word}");
        await app.CreateToolFeedbackAsync(echo, createdAt: later);
        using var sorted = await client.GetAsync($"/api/v1/tools?q={word}&sort=helpful", Ct);
        Assert.Equal(later, sorted.Content.Headers.LastModified!.Value.UtcDateTime);
        using var byName = await client.GetAsync($"/api/v1/tools?q={word}", Ct);
        Assert.True(byName.Content.Headers.LastModified!.Value.UtcDateTime < later);
    }

    [Fact]
    public async Task Api_PagesThatStraddleTheRankedToolsAndTheRest_OrWhollyInTheRest_KeepTheOrder_WithAFilter()
    {
        var word = TestData.Unique("hs").Replace("-", "");
        await CreateAsync(word, "Alpha", yes: 1, no: 0);                  // too few answers: the rest, by name
        await CreateAsync(word, "Bravo", yes: 4, no: 1);                  // ranked second (80%)
        await CreateAsync(word, "Charlie", yes: 3, no: 3);                // ranked third (50%)
        await CreateAsync(word, "Delta", yes: 0, no: 0);
        await CreateAsync(word, "Echo", yes: 5, no: 0);                   // ranked first (100%)
        await CreateAsync(word, "Foxtrot", yes: 4, no: 0, spamYes: 2);    // four answers once spam is left out
        // Guides, which the kind filter leaves out of both parts: one would rank first, one would lead the rest.
        await CreateAsync(word, "Able", yes: 0, no: 0);
        await CreateAsync(word, "Golf", yes: 6, no: 0);
        await using (var db = app.CreateDbContext())
        {
            foreach (var guide in await db.Tools.Where(t => t.Name == $"Able {word}" || t.Name == $"Golf {word}").ToListAsync(Ct))
            {
                guide.Kind = ToolKind.Guide;
            }

            await db.SaveChangesAsync(Ct);
        }

        using var client = app.CreateBrowserLikeClient();

        async Task<List<string>> NamesAsync(int pageSize, int page)
        {
            using var response = await client.GetAsync($"/api/v1/tools?q={word}&kind=software&sort=helpful&page_size={pageSize}&page={page}", Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
            Assert.Equal(6, json.RootElement.GetProperty("total").GetInt32());
            return json.RootElement.GetProperty("tools").EnumerateArray().Select(t => t.GetProperty("name").GetString()!.Split(' ')[0]).ToList();
        }

        Assert.Equal(["Echo", "Bravo", "Charlie", "Alpha", "Delta", "Foxtrot"], await NamesAsync(10, 1));
        Assert.Equal(["Echo", "Bravo"], await NamesAsync(2, 1));
        Assert.Equal(["Charlie", "Alpha"], await NamesAsync(2, 2));      // straddles: the last ranked, the first of the rest
        Assert.Equal(["Delta", "Foxtrot"], await NamesAsync(2, 3));      // wholly in the rest, which starts on page 2
        Assert.Equal(["Foxtrot"], await NamesAsync(5, 2));
        Assert.Empty(await NamesAsync(2, 4));

        // Without the filter the guides come back in their places: Golf first, Able first of the rest.
        using var all = await client.GetAsync($"/api/v1/tools?q={word}&sort=helpful&page_size=3&page=2", Ct);
        using var allJson = JsonDocument.Parse(await all.Content.ReadAsStringAsync(Ct));
        Assert.Equal(["Charlie", "Able", "Alpha"], allJson.RootElement.GetProperty("tools").EnumerateArray().Select(t => t.GetProperty("name").GetString()!.Split(' ')[0]));
    }
}

/// <summary>The minimum number of answers comes from configuration.</summary>
public class ToolsHelpfulSortMinimumTests(ToolsHelpfulSortMinimumTests.OneAnswerApp app) : IClassFixture<ToolsHelpfulSortMinimumTests.OneAnswerApp>
{
    public class OneAnswerApp : CatalogueAppFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Feedback:MinimumAnswersToRank"] = "1" };
    }

    [Fact]
    public async Task HelpfulSort_WithAMinimumOfOne_RanksASingleVote()
    {
        var word = TestData.Unique("hs").Replace("-", "");
        var zebra = await app.CreateToolAsync($"Zebra {word}");
        await app.CreateToolFeedbackAsync(zebra, helped: true);
        var aardvark = await app.CreateToolAsync($"Aardvark {word}");
        for (var i = 0; i < 5; i++)
        {
            await app.CreateToolFeedbackAsync(aardvark, helped: i < 4);
        }

        var doc = await app.GetDocumentAsync($"/tools?q={word}&sort=helpful");

        Assert.Equal(["Zebra", "Aardvark"], doc.QuerySelectorAll(".app-card__title a").Select(a => a.TextContent.Trim().Split(' ')[0]));
        Assert.Contains("at least 1 answer", doc.QuerySelector("#helpful-note")!.TextContent);
    }
}
