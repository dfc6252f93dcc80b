using System.Net;
using PersonaCatalogue.Web.Tests.Infrastructure;

namespace PersonaCatalogue.Web.Tests.Features.Suggestions;

/// <summary>The app with a public form limit of 2 a minute, so the third POST is refused.</summary>
public class RateLimitedAppFactory : CatalogueAppFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["RateLimits:public-forms:PermitLimit"] = "2",
        ["RateLimits:public-forms:WindowSeconds"] = "60",
    };
}

public class SuggestionRateLimitTests(RateLimitedAppFactory app) : IClassFixture<RateLimitedAppFactory>
{
    [Fact]
    public async Task Post_ThirdInAMinute_Gets429WithRetryAfterAndTheFriendlyPage()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = app.CreateBrowserLikeClient();
        for (var i = 0; i < 2; i++)
        {
            using var allowed = await FormPost.PostFormAsync(client, SuggestionAnswers.FormUrl, SuggestionAnswers.Valid(), ct);
            Assert.Equal(HttpStatusCode.Found, allowed.StatusCode);
        }

        var answers = SuggestionAnswers.Valid();
        using var refused = await FormPost.PostFormAsync(client, SuggestionAnswers.FormUrl, answers, ct);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var retryAfter = refused.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));
        var doc = await CatalogueAppFactory.ParseAsync(refused);
        Assert.Equal("You have sent too many requests", doc.QuerySelector("h1")!.TextContent.Trim());
        Assert.Null(await SuggestionAnswers.FindAsync(app, answers.Value("ToolName")));

        // Only the POST is limited: the form still opens.
        using var form = await client.GetAsync(SuggestionAnswers.FormUrl, ct);
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
    }
}
