using System.Net;
using PersonaCatalogue.Web.Data.Entities;
using PersonaCatalogue.Web.Tests.Infrastructure;

namespace PersonaCatalogue.Web.Tests.Infrastructure.PageCaching;

/// <summary>
/// The pages with the feedback forms of issue 8 are never cached, and the one cached view that depends on tool
/// feedback (the tools list sorted by most found helpful) is evicted by an answer, while other views stay cached.
/// </summary>
public class FeedbackFormsCachingTests(CatalogueAppFactory app) : IClassFixture<CatalogueAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(bool FromCache, string Html)> GetAsync(string url)
    {
        using var client = app.CreateBrowserLikeClient();
        using var response = await client.GetAsync(url, Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} gave {(int)response.StatusCode}");
        return (response.Headers.Age is not null, await response.Content.ReadAsStringAsync(Ct));
    }

    private async Task PrimeAsync(params string[] urls)
    {
        foreach (var url in urls)
        {
            await GetAsync(url);
            Assert.True((await GetAsync(url)).FromCache, $"{url} was not cached on the second request");
        }
    }

    [Theory]
    [InlineData("/tools/qgis")]
    [InlineData("/personas/suggest")]
    [InlineData("/support-needs")]
    public async Task PageWithAFeedbackForm_IsNeverCached(string url)
    {
        var first = await GetAsync(url);
        var second = await GetAsync(url);

        Assert.Contains("__RequestVerificationToken", second.Html);
        Assert.False(first.FromCache || second.FromCache, $"{url} came from the cache");
    }

    [Fact]
    public async Task ToolAnswer_EvictsTheMostFoundHelpfulView_AndSpamEvictsItAgain_ButNotOtherViews()
    {
        var word = TestData.Unique("cache").Replace("-", "");
        var tool = await app.CreateToolAsync($"Cached {word}");
        var (staff, _) = await app.SignedInClientAsync(StaffRoles.Moderator);
        var helpful = $"/tools?q={word}&sort=helpful";
        var byName = $"/tools?q={word}";
        await PrimeAsync(helpful, byName);

        using var client = app.CreateBrowserLikeClient();
        using (var sent = await client.PostFormAsync($"/tools/{tool.Slug}", [new("Helped", "yes")]))
        {
            Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        }

        var afterAnswer = await GetAsync(helpful);
        Assert.False(afterAnswer.FromCache);
        Assert.Contains("1 of 1 person said it helped.", afterAnswer.Html);
        Assert.True((await GetAsync(byName)).FromCache, "an answer evicted a view that does not show answers");

        int id;
        await using (var db = app.CreateDbContext())
        {
            id = db.ToolFeedback.Single(f => f.ToolId == tool.Id).Id;
        }

        await PrimeAsync(helpful);
        using (var reviewed = await staff.PostFormAsync("/staff/feedback", [], $"/staff/feedback/{id}/review"))
        {
            Assert.Equal(HttpStatusCode.Redirect, reviewed.StatusCode);
        }

        Assert.True((await GetAsync(helpful)).FromCache, "triage that changes no count evicted the view");
        using (var spam = await staff.PostFormAsync("/staff/feedback", [], $"/staff/feedback/{id}/spam"))
        {
            Assert.Equal(HttpStatusCode.Redirect, spam.StatusCode);
        }

        var afterSpam = await GetAsync(helpful);
        Assert.False(afterSpam.FromCache);
        Assert.Contains("Nobody has answered yet.", afterSpam.Html);
    }
}
