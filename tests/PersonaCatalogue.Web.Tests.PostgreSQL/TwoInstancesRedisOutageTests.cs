using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.Extensions.DependencyInjection;
using PersonaCatalogue.Web.Infrastructure;
using PersonaCatalogue.Web.Tests.Infrastructure;
using PersonaCatalogue.Web.Tests.Infrastructure.PageCaching;

namespace PersonaCatalogue.Web.Tests;

/// <summary>
/// Two instances sharing PostgreSQL and a Redis of the test's own, which goes silent (SIGSTOP) while a change is made
/// on A: once Redis answers again, neither A nor B serves the page from before the change.
/// </summary>
public sealed class TwoInstancesWithOwnRedis : IAsyncDisposable
{
    public TwoInstancesWithOwnRedis()
    {
        var cacheName = $"outage-pair-{Guid.NewGuid():N}:";
        A = new Instance(Redis, cacheName);
        B = new Instance(Redis, cacheName) { DatabaseName = A.DatabaseName, OwnsDatabase = false };
    }

    public RedisServerProcess Redis { get; } = new();

    public Instance A { get; }

    public Instance B { get; }

    public sealed class Instance(RedisServerProcess redis, string cacheName) : CatalogueAppFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Redis:Configuration"] = redis.Configuration,
            ["Redis:InstanceName"] = cacheName,
            ["Redis:BreakSeconds"] = "1",
            ["Redis:GenerationCheckSeconds"] = "0",
        };

        public ResilientRedisCacheStore Store => Services.GetRequiredService<ResilientRedisCacheStore>();
    }

    public async ValueTask DisposeAsync()
    {
        await B.DisposeAsync();
        await A.DisposeAsync();
        await Redis.DisposeAsync();
    }
}

public class TwoInstancesRedisOutageTests(TwoInstancesWithOwnRedis pair) : IClassFixture<TwoInstancesWithOwnRedis>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PersonaChangedOnAWhileRedisIsSilent_IsShownByBothOnTheVeryNextRequest()
    {
        await pair.Redis.StartAsync();
        var persona = await pair.A.CreatePersonaAsync();
        var url = $"/personas/{persona.Slug}";
        await pair.A.GetPageAsync(url);
        // A stores the page once its response is sent, so B may ask a moment before it is there.
        await CachedPages.WaitUntilAsync(async () => (await pair.B.GetPageAsync(url)).FromCache, "B did not find the page A cached in the shared Redis");

        pair.Redis.Silence();
        try
        {
            for (var i = 0; i < 4; i++)
            {
                Assert.False((await pair.A.GetPageAsync(url)).FromCache);
                Assert.False((await pair.B.GetPageAsync(url)).FromCache);
            }

            using var client = pair.A.CreateBrowserLikeClient();
            using var sent = await client.PostFormAsync($"{url}/feedback", [new("Usefulness", "very"), new("RightPeople", "yes")]);
            Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        }
        finally
        {
            pair.Redis.Wake();
        }

        foreach (var instance in new[] { pair.A, pair.B })
        {
            // The breaker lets a trial call through once its break is over, when a page is asked for.
            await CachedPages.WaitUntilAsync(async () => (await instance.GetPageAsync("/about")).Html.Length > 0 && instance.Store.IsAskingRedis, "Redis was not tried again after it came back");
            Assert.Equal("1 person has answered.", FeedbackCount((await instance.GetPageAsync(url)).Html));
        }
    }

    private static string FeedbackCount(string html) =>
        new HtmlParser().ParseDocument(html).QuerySelector("#feedback-count")!.TextContent.Trim();
}
