using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;

namespace PersonaCatalogue.Web.Tests.Infrastructure;

/// <summary>
/// Text is compressed where that is safe, and never where a response may hold a secret next to something a visitor
/// typed (BREACH): pages with an antiforgery token, staff pages, pages for a signed-in user, private status pages.
/// </summary>
public class SafeCompressionTests(CatalogueAppFactory app) : IClassFixture<CatalogueAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<HttpResponseMessage> GetGzipAsync(HttpClient client, string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
        var response = await client.SendAsync(request, Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} gave {(int)response.StatusCode}");
        return response;
    }

    private static async Task<string> ReadGzipAsync(HttpResponseMessage response)
    {
        await using var gzip = new GZipStream(await response.Content.ReadAsStreamAsync(Ct), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        return await reader.ReadToEndAsync(Ct);
    }

    [Theory]
    [InlineData("/personas/sara", "<h1")]
    [InlineData("/tools?q=data", "<h1")]
    [InlineData("/api/v1/tools", "\"slug\"")]
    [InlineData("/data/tools.csv", "slug,")]
    [InlineData("/tools/feed.atom", "<feed")]
    public async Task PublicResponse_GzipAccepted_IsCompressed(string url, string expected)
    {
        using var client = app.CreateBrowserLikeClient();

        using var response = await GetGzipAsync(client, url);

        Assert.Equal(["gzip"], response.Content.Headers.ContentEncoding);
        Assert.Contains("Accept-Encoding", response.Headers.Vary);
        Assert.Contains(expected, await ReadGzipAsync(response));
    }

    [Fact]
    public async Task PublicPage_NoAcceptEncoding_IsSentAsIs()
    {
        using var client = app.CreateBrowserLikeClient();

        using var response = await client.GetAsync("/personas/sara", Ct);

        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.Contains("<h1", await response.Content.ReadAsStringAsync(Ct));
    }

    [Theory]
    [InlineData("/suggest-a-tool")]
    [InlineData("/personas/sara/feedback")]
    [InlineData("/staff/sign-in")]
    public async Task FormPageWithAToken_IsNeverCompressed_WithOrWithoutItsCookie(string url)
    {
        using var client = app.CreateBrowserLikeClient();

        // The first visit sets the antiforgery cookie; the second sends it back and gets no Set-Cookie.
        foreach (var visit in new[] { "first", "second" })
        {
            using var response = await GetGzipAsync(client, url);

            Assert.True(response.Content.Headers.ContentEncoding.Count == 0, $"{visit} visit to {url} was compressed");
            Assert.Contains("no-store", response.Headers.CacheControl?.ToString());
            Assert.Contains(FormPost.TokenField, await response.Content.ReadAsStringAsync(Ct));
        }
    }

    [Theory]
    [InlineData("/staff")]
    [InlineData("/staff/suggestions")]
    [InlineData("/personas/sara")]
    [InlineData("/tools")]
    public async Task SignedInStaff_AnyPage_IsNotCompressed(string url)
    {
        var (client, _) = await app.SignedInClientAsync("Moderator");
        using (client)
        {
            using var response = await GetGzipAsync(client, url);

            Assert.Empty(response.Content.Headers.ContentEncoding);
            Assert.Contains("Sign out", await response.Content.ReadAsStringAsync(Ct));
        }
    }

    [Fact]
    public async Task PrivateSuggestionStatusPage_IsNotCompressed()
    {
        var suggestion = await app.CreateSuggestionAsync();
        using var client = app.CreateBrowserLikeClient();

        using var response = await GetGzipAsync(client, $"/suggestions/{suggestion.StatusToken}");

        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.Contains(suggestion.ToolName, await response.Content.ReadAsStringAsync(Ct));
    }
}
