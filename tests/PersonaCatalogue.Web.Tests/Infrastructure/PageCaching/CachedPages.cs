using System.Net;
using PersonaCatalogue.Web.Tests.Infrastructure;

namespace PersonaCatalogue.Web.Tests.Infrastructure.PageCaching;

/// <summary>A page as an anonymous visitor (or the given client) gets it, and whether it came from the output cache (an Age header).</summary>
public sealed record CachedPage(bool FromCache, string Html, HttpResponseMessage Response);

public static class CachedPages
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<CachedPage> GetPageAsync(this CatalogueAppFactory app, string url, HttpClient? client = null)
    {
        using var anonymous = app.CreateBrowserLikeClient();
        var response = await (client ?? anonymous).GetAsync(url, Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} gave {(int)response.StatusCode}");
        return new CachedPage(response.Headers.Age is not null, await response.Content.ReadAsStringAsync(Ct), response);
    }

    /// <summary>
    /// How many requests bring a page from the cache: a page is stored on its first request, or with a query string on
    /// its second (one-off searches are not stored), so it comes from the cache on the next.
    /// </summary>
    public static int RequestsUntilCached(string url) => url.Contains('?') ? 3 : 2;

    /// <summary>Requests each page until it comes from the cache, so a later miss can only be an eviction.</summary>
    public static async Task PrimeAsync(this CatalogueAppFactory app, params string[] urls)
    {
        foreach (var url in urls)
        {
            var requests = RequestsUntilCached(url);
            for (var request = 1; request < requests; request++)
            {
                await app.GetPageAsync(url);
            }

            Assert.True((await app.GetPageAsync(url)).FromCache, $"{url} was not cached on request {requests}");
        }
    }

    /// <summary>
    /// Asks until <paramref name="condition"/> holds, for up to 30 s: for what takes its own time, such as a store
    /// finishing after its response, a circuit breaker's break, or Redis reconnecting. Never a timing assertion.
    /// </summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, string failure)
    {
        for (var waited = TimeSpan.Zero; waited < TimeSpan.FromSeconds(30); waited += TimeSpan.FromMilliseconds(200))
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(200, Ct);
        }

        Assert.Fail(failure);
    }
}
