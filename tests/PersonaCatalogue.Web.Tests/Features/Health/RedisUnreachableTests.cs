using System.Net;
using System.Text.Json;
using PersonaCatalogue.Web.Tests.Infrastructure;

namespace PersonaCatalogue.Web.Tests.Features.Health;

/// <summary>
/// Redis configured but not answering (nothing listens on loopback port 1): the app still starts and fills its empty
/// database (whose commit evicts cached pages), serves pages uncached, and /health says what is wrong.
/// </summary>
public class RedisUnreachableTests(RedisUnreachableTests.App app) : IClassFixture<RedisUnreachableTests.App>
{
    public class App : CatalogueAppFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Redis:Configuration"] = "127.0.0.1:1,connectTimeout=200,asyncTimeout=200,syncTimeout=200,connectRetry=0",
        };
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Health_IsUnhealthy_NamingRedis()
    {
        using var client = app.CreateBrowserLikeClient();
        using var response = await client.GetAsync("/health", Ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal("Unhealthy", json.RootElement.GetProperty("status").GetString());
        var redis = json.RootElement.GetProperty("checks").GetProperty("redis");
        Assert.Equal("Unhealthy", redis.GetProperty("status").GetString());
        Assert.StartsWith("Redis: ", redis.GetProperty("description").GetString());
        Assert.Equal("Healthy", json.RootElement.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
    }

    [Fact]
    public async Task PublicPages_AreStillServed_Uncached()
    {
        using var client = app.CreateBrowserLikeClient();
        using var first = await client.GetAsync("/tools", Ct);
        using var second = await client.GetAsync("/tools", Ct);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Null(second.Headers.Age);
    }
}
