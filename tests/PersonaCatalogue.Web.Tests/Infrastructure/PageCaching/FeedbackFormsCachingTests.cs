using System.Net;
using PersonaCatalogue.Core.Data.Entities;
using PersonaCatalogue.Web.Tests.Infrastructure;

namespace PersonaCatalogue.Web.Tests.Infrastructure.PageCaching;

/// <summary>
/// The one cached view that depends on tool feedback (the tools list sorted by most found helpful) is evicted by an
/// answer, while other views stay cached. That the feedback form pages are never cached is in PageCachingTests.
/// </summary>
public class FeedbackFormsCachingTests(CatalogueAppFactory app) : IClassFixture<CatalogueAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ToolAnswer_EvictsTheMostFoundHelpfulView_AndSpamEvictsItAgain_ButNotOtherViews()
    {
        var word = TestData.Unique("cache").Replace("-", "");
        var tool = await app.CreateToolAsync($"Cached {word}");
        var (staff, _) = await app.SignedInClientAsync(StaffRoles.Moderator);
        var helpful = $"/tools?q={word}&sort=helpful";
        var byName = $"/tools?q={word}";
        await app.PrimeAsync(helpful, byName);

        using var client = app.CreateBrowserLikeClient();
        using (var sent = await client.PostFormAsync($"/tools/{tool.Slug}", [new("Helped", "yes")]))
        {
            Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        }

        var afterAnswer = await app.GetPageAsync(helpful);
        Assert.False(afterAnswer.FromCache);
        Assert.Contains("1 of 1 person said it helped.", afterAnswer.Html);
        Assert.True((await app.GetPageAsync(byName)).FromCache, "an answer evicted a view that does not show answers");

        int id;
        await using (var db = app.CreateDbContext())
        {
            id = db.ToolFeedback.Single(f => f.ToolId == tool.Id).Id;
        }

        await app.PrimeAsync(helpful);
        using (var reviewed = await staff.PostFormAsync("/staff/feedback", [], $"/staff/feedback/{id}/review"))
        {
            Assert.Equal(HttpStatusCode.Redirect, reviewed.StatusCode);
        }

        Assert.True((await app.GetPageAsync(helpful)).FromCache, "triage that changes no count evicted the view");
        using (var spam = await staff.PostFormAsync("/staff/feedback", [], $"/staff/feedback/{id}/spam"))
        {
            Assert.Equal(HttpStatusCode.Redirect, spam.StatusCode);
        }

        var afterSpam = await app.GetPageAsync(helpful);
        Assert.False(afterSpam.FromCache);
        Assert.Contains("Nobody has answered yet.", afterSpam.Html);
    }
}
