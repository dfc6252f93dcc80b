using System.Data.Common;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using PersonaCatalogue.Core.Data;

namespace PersonaCatalogue.Web.Tests.Infrastructure.PageCaching;

/// <summary>
/// What an attacker (or a crawler) can do to the page cache: junk query keys, many real searches, made-up cookies and
/// headers; and the downloads, built once per change and revalidated without a rebuild. The app's cache store is
/// wrapped to count what is stored, and its database commands are counted.
/// </summary>
public class CacheFloodTests(CacheFloodTests.App app) : IClassFixture<CacheFloodTests.App>
{
    public class App : CatalogueAppFactory
    {
        public CountingStore? Store { get; private set; }

        public CommandCounter Commands { get; } = new();

        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["OutputCache:MaxQueryPagesStored"] = "5",
        };

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
            {
                var inner = services.Last(s => s.ServiceType == typeof(IOutputCacheStore));
                services.Remove(inner);
                services.AddSingleton<IOutputCacheStore>(provider => Store = new CountingStore(
                    inner.ImplementationInstance as IOutputCacheStore
                    ?? (IOutputCacheStore)(inner.ImplementationFactory?.Invoke(provider) ?? ActivatorUtilities.CreateInstance(provider, inner.ImplementationType!))));
                // The pool is registered for the provider's own context type: CatalogueDbContext on SQLite,
                // PostgresCatalogueDbContext on PostgreSQL. Configuring both counts commands on either.
                services.ConfigureDbContext<CatalogueDbContext>(options => options.AddInterceptors(Commands));
                services.ConfigureDbContext<PostgresCatalogueDbContext>(options => options.AddInterceptors(Commands));
            });
        }
    }

    /// <summary>The real store, counting the distinct keys it was asked to keep.</summary>
    public sealed class CountingStore(IOutputCacheStore inner) : IOutputCacheStore
    {
        private readonly HashSet<string> _keys = [];

        public int Stored
        {
            get
            {
                lock (_keys)
                {
                    return _keys.Count;
                }
            }
        }

        public ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken) => inner.EvictByTagAsync(tag, cancellationToken);

        public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken) => inner.GetAsync(key, cancellationToken);

        public ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken)
        {
            lock (_keys)
            {
                _keys.Add(key);
            }

            return inner.SetAsync(key, value, tags, validFor, cancellationToken);
        }
    }

    /// <summary>Counts the queries the app runs.</summary>
    public sealed class CommandCounter : DbCommandInterceptor
    {
        private int _count;

        public int Count => _count;

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _count);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _count);
            return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
        }
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task FloodOfUnknownQueryKeys_StoresNothingNew_AndIsServedTheCachedPage()
    {
        await app.PrimeAsync("/personas", "/skills");
        var stored = app.Store!.Stored;

        for (var i = 0; i < 30; i++)
        {
            foreach (var url in new[] { $"/personas?x={i}", $"/skills?utm_source=mail{i}&page={i}" })
            {
                Assert.True((await app.GetPageAsync(url)).FromCache, $"{url} was not served from the cache");
                Assert.True((await app.GetPageAsync(url)).FromCache, $"{url} was not served from the cache");
            }
        }

        Assert.Equal(stored, app.Store.Stored);
    }

    [Fact]
    public async Task RequestWithAnUnknownKey_IsNeverStored_SoItCannotStandInForThePlainPage()
    {
        // MVC would bind this one to the tools list's filters, so storing it under /tools would show a filtered list to everyone.
        for (var i = 0; i < 3; i++)
        {
            await app.GetPageAsync("/tools?filters.persona=sara&sort=newest");
        }

        Assert.False((await app.GetPageAsync("/tools?sort=newest")).FromCache);
    }

    [Fact]
    public async Task FloodOfRealSearches_StoresAtMostTheConfiguredNumber()
    {
        // The counting store exists once the app has served a page (and a missing server skips the test there).
        await app.GetPageAsync("/about");
        var stored = app.Store!.Stored;

        for (var i = 0; i < 20; i++)
        {
            await app.GetPageAsync($"/search?q=flood{i}");
            await app.GetPageAsync($"/search?q=flood{i}");
        }

        Assert.InRange(app.Store.Stored - stored, 1, 5);
    }

    [Fact]
    public async Task MadeUpFlashCookieAndAuthorizationHeader_DoNotSkipTheCache()
    {
        await app.PrimeAsync("/personas/sara");
        using var client = app.CreateBrowserLikeClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/personas/sara");
        request.Headers.Add("Cookie", "flash=anything");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "made-up");

        using var response = await client.SendAsync(request, Ct);

        Assert.NotNull(response.Headers.Age);
    }

    [Fact]
    public async Task RealPendingFlashMessage_SkipsTheCache()
    {
        await app.PrimeAsync("/personas/sara");
        using var client = app.CreateBrowserLikeClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/personas/sara");
        request.Headers.Add("Cookie", FlashCookie("Your changes are saved"));

        using var response = await client.SendAsync(request, Ct);

        Assert.Null(response.Headers.Age);
        Assert.Contains("Your changes are saved", await response.Content.ReadAsStringAsync(Ct));
    }

    [Theory]
    [InlineData("/data/tools.json")]
    [InlineData("/data/tools.csv")]
    [InlineData("/data/feedback-counts.csv")]
    public async Task Download_IsBuiltOnce_AndRevalidatedWithoutARebuild(string url)
    {
        using var client = app.CreateBrowserLikeClient();
        using var first = await client.GetAsync(url, Ct);
        var etag = first.Headers.ETag!;
        var queriesBefore = app.Commands.Count;

        using var conditional = new HttpRequestMessage(HttpMethod.Get, url);
        conditional.Headers.IfNoneMatch.Add(etag);
        using var notModified = await client.SendAsync(conditional, Ct);
        using var again = await client.GetAsync(url, Ct);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(etag, again.Headers.ETag);
        Assert.Equal(await first.Content.ReadAsByteArrayAsync(Ct), await again.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal(queriesBefore, app.Commands.Count);
    }

    [Fact]
    public async Task Download_AfterACatalogueChange_IsRebuiltWithANewETag()
    {
        using var client = app.CreateBrowserLikeClient();
        using var before = await client.GetAsync("/data/tools.json", Ct);
        var tool = await app.CreateToolAsync(TestData.Unique("Download tool"));

        using var conditional = new HttpRequestMessage(HttpMethod.Get, "/data/tools.json");
        conditional.Headers.IfNoneMatch.Add(before.Headers.ETag!);
        var queriesBefore = app.Commands.Count;
        using var after = await client.SendAsync(conditional, Ct);

        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.NotEqual(before.Headers.ETag, after.Headers.ETag);
        Assert.True(app.Commands.Count > queriesBefore, "the rebuild ran no query: the query counter is not counting");
        using var json = JsonDocument.Parse(await after.Content.ReadAsStringAsync(Ct));
        Assert.Contains(json.RootElement.EnumerateArray(), t => t.GetProperty("slug").GetString() == tool.Slug);
    }

    /// <summary>A flash cookie as the site writes it (through its own TempData provider, so it decrypts).</summary>
    private string FlashCookie(string message)
    {
        var context = new DefaultHttpContext { RequestServices = app.Services };
        app.Services.GetRequiredService<ITempDataProvider>().SaveTempData(context, new Dictionary<string, object> { ["Success"] = message });
        return context.Response.Headers.SetCookie.ToString().Split(';')[0];
    }
}
