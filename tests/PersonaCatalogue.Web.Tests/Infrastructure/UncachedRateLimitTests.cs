using System.Net;
using System.Text.Json.Nodes;
using PersonaCatalogue.Web.Tests.Features.OpenData;
using PersonaCatalogue.Web.Tests.Infrastructure.PageCaching;

namespace PersonaCatalogue.Web.Tests.Infrastructure;

/// <summary>Each client may run only so many uncached searches and API requests; pages from the cache are not counted.</summary>
public class UncachedRateLimitTests(UncachedRateLimitTests.App app) : IClassFixture<UncachedRateLimitTests.App>
{
    public class App : CatalogueAppFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["RateLimits:uncached:PermitLimit"] = "3",
            ["RateLimits:uncached:WindowSeconds"] = "3600",
        };
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task UncachedSearchesAndApi_BeyondTheLimit_Get429_ButCachedPagesDoNot()
    {
        using var client = app.CreateBrowserLikeClient();

        using var first = await client.GetAsync("/search?q=alpha", Ct);
        using var second = await client.GetAsync("/search?q=alpha", Ct);
        for (var i = 0; i < 5; i++)
        {
            Assert.True((await app.GetPageAsync("/search?q=alpha")).FromCache);
        }

        using var third = await client.GetAsync("/tools?q=beta", Ct);
        using var refused = await client.GetAsync("/search?q=gamma", Ct);
        using var api = await client.GetAsync("/api/v1/tools?sort=helpful", Ct);
        using var cached = await client.GetAsync("/search?q=alpha", Ct);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK], new[] { first.StatusCode, second.StatusCode, third.StatusCode });
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal("You have sent too many requests", (await CatalogueAppFactory.ParseAsync(refused)).QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal(HttpStatusCode.TooManyRequests, api.StatusCode);
        Assert.True(api.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        // As the API's description says (the document itself is not rate limited).
        var document = JsonNode.Parse(await client.GetStringAsync("/api/v1/openapi.json", Ct))!.AsObject();
        var declared = document["paths"]!["/api/v1/tools"]!["get"]!["responses"]!["429"]!;
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        new OpenApiSchemaValidator(document).AssertValid(declared["content"]!["application/problem+json"]!["schema"]!, await api.Content.ReadAsStringAsync(Ct), "GET /api/v1/tools (429)");
        Assert.True(declared["headers"]!["Retry-After"]!["required"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.OK, cached.StatusCode);
    }
}
