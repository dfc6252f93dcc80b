using System.Net;
using PersonaCatalogue.Web.Infrastructure;

namespace PersonaCatalogue.Web.Tests.Infrastructure;

/// <summary>A fingerprinted asset (the current <c>?v=</c> hash) is cached for a year; anything else is revalidated.</summary>
public class StaticAssetCachingTests(CatalogueAppFactory app) : IClassFixture<CatalogueAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<HttpResponseMessage> GetAsync(string url)
    {
        using var client = app.CreateBrowserLikeClient();
        var response = await client.GetAsync(url, Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} gave {(int)response.StatusCode}");
        return response;
    }

    [Fact]
    public async Task StylesheetLinkedFromAPage_HasTheCurrentVersion_AndIsImmutable()
    {
        var page = await app.GetDocumentAsync("/");
        var href = page.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href")!;
        Assert.Matches(@"^/css/site\.css\?v=[\w-]+$", href);

        using var response = await GetAsync(href);

        Assert.Equal(StaticAssetCaching.Immutable, response.Headers.CacheControl?.ToString());
        Assert.Equal("text/css", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/css/site.css")]
    [InlineData("/css/site.css?v=an-old-version")]
    public async Task UnversionedOrStaleAsset_IsRevalidatedEachTime(string url)
    {
        using var response = await GetAsync(url);

        Assert.Equal(StaticAssetCaching.Revalidate, response.Headers.CacheControl?.ToString());
        Assert.NotNull(response.Headers.ETag);
    }
}
