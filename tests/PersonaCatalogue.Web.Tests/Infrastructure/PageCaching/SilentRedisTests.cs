using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PersonaCatalogue.Core.Data.Entities;
using PersonaCatalogue.Web.Infrastructure;
using PersonaCatalogue.Web.Tests.Infrastructure;

namespace PersonaCatalogue.Web.Tests.Infrastructure.PageCaching;

/// <summary>
/// The page cache in a Redis of the test's own, made silent (SIGSTOP) or shut down while the site serves pages and
/// takes feedback: pages keep coming (from the database), writes succeed, /health says Redis is unhealthy, and once
/// Redis answers again no page from before the outage is served.
/// </summary>
public abstract class RedisOutageTests(RedisOutageTests.App app)
{
    public sealed class App : CatalogueAppFactory
    {
        public RedisServerProcess Redis { get; } = new();

        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Redis:Configuration"] = Redis.Configuration,
            ["Redis:InstanceName"] = $"outage-{Guid.NewGuid():N}:",
            // A short break, so the test sees Redis tried again soon after it answers; and no periodic generation
            // check, so what keeps the page fresh is the read of the generation when Redis is first used again.
            ["Redis:BreakSeconds"] = "1",
            ["Redis:GenerationCheckSeconds"] = "0",
        };

        public ResilientRedisCacheStore Store => Services.GetRequiredService<ResilientRedisCacheStore>();

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            await Redis.DisposeAsync();
        }
    }

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected App Site => app;

    /// <summary>Makes Redis unreachable; returns what brings it back.</summary>
    protected abstract Task<Func<Task>> TakeRedisAwayAsync();

    [Fact]
    public async Task WhileRedisIsAway_PagesAndWritesWork_AndAfterwardsNoPageFromBeforeIsServed()
    {
        await app.Redis.StartAsync();
        var persona = await app.CreatePersonaAsync();
        var url = $"/personas/{persona.Slug}";
        await app.GetPageAsync(url);
        var cached = await app.GetPageAsync(url);
        Assert.True(cached.FromCache, "the persona page was not cached in Redis before the outage");
        Assert.Equal("Nobody has given feedback on this iteration yet.", FeedbackCount(cached.Html));

        var bringBack = await TakeRedisAwayAsync();
        for (var i = 0; i < 6; i++)
        {
            var page = await app.GetPageAsync(i % 2 == 0 ? url : "/tools");
            Assert.False(page.FromCache);
        }

        Assert.False(app.Store.IsAskingRedis, "the circuit breaker did not open while Redis was away");
        for (var i = 0; i < 3; i++)
        {
            using var client = app.CreateBrowserLikeClient();
            using var sent = await client.PostFormAsync($"/personas/{persona.Slug}/feedback", [new("Usefulness", "very"), new("RightPeople", "yes")]);
            Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        }

        using (var health = await app.CreateBrowserLikeClient().GetAsync("/health", Ct))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
            using var json = JsonDocument.Parse(await health.Content.ReadAsStringAsync(Ct));
            Assert.Equal("Unhealthy", json.RootElement.GetProperty("checks").GetProperty("redis").GetProperty("status").GetString());
            Assert.Equal("Healthy", json.RootElement.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
        }

        await bringBack();
        // The breaker lets a trial call through once its break is over, when a page is asked for.
        await CachedPages.WaitUntilAsync(async () => (await app.GetPageAsync("/about")).Html.Length > 0 && app.Store.IsAskingRedis, "Redis was not tried again after it came back");

        var next = await app.GetPageAsync(url);
        Assert.Equal("3 people have answered.", FeedbackCount(next.Html));
        await using (var db = app.CreateDbContext())
        {
            Assert.Contains(db.AuditEvents, e => e.Action == "page-cache.eviction-lost");
        }

        // Redis is used again: the fresh page is stored and served from it.
        await CachedPages.WaitUntilAsync(async () => (await app.GetPageAsync(url)).FromCache, "pages were not cached in Redis again after the outage");
        Assert.Equal("3 people have answered.", FeedbackCount((await app.GetPageAsync(url)).Html));
    }

    private static string FeedbackCount(string html) =>
        new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html).QuerySelector("#feedback-count")!.TextContent.Trim();
}

/// <summary>Redis alive but silent (SIGSTOP), as in a network partition or a hung server, then woken (SIGCONT).</summary>
public class SilentRedisTests(RedisOutageTests.App app) : RedisOutageTests(app), IClassFixture<RedisOutageTests.App>
{
    protected override Task<Func<Task>> TakeRedisAwayAsync()
    {
        Site.Redis.Silence();
        return Task.FromResult<Func<Task>>(() =>
        {
            Site.Redis.Wake();
            return Task.CompletedTask;
        });
    }
}

/// <summary>Redis shut down, then started again (empty: it saves nothing).</summary>
public class StoppedRedisTests(RedisOutageTests.App app) : RedisOutageTests(app), IClassFixture<RedisOutageTests.App>
{
    protected override async Task<Func<Task>> TakeRedisAwayAsync()
    {
        await Site.Redis.ShutDownAsync();
        return Site.Redis.StartAsync;
    }
}
