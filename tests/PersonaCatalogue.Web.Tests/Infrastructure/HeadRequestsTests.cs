using System.Net;
using PersonaCatalogue.Web.Tests.Features.Staff;

namespace PersonaCatalogue.Web.Tests.Infrastructure;

/// <summary>
/// HEAD is answered wherever GET is, walking the app's real endpoint table. (The in-memory test server passes a HEAD
/// response's body through; Kestrel drops it, which <see cref="RealServerTests"/> checks.)
/// </summary>
public class HeadRequestsTests(CatalogueAppFactory app) : IClassFixture<CatalogueAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Head_EveryGetRoute_AnswersAsGetDoes()
    {
        using var client = app.CreateBrowserLikeClient();
        var gets = EndpointRoute.All(app.Services).Where(r => r.Method == "GET").ToList();
        Assert.Contains(gets, r => r.Url == "/");

        foreach (var route in gets)
        {
            using var get = await client.GetAsync(route.Url, Ct);
            using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, route.Url), Ct);

            Assert.True(get.StatusCode == head.StatusCode, $"{route}: GET {(int)get.StatusCode}, HEAD {(int)head.StatusCode}");
        }
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/personas/sara")]
    [InlineData("/tools?sort=newest")]
    [InlineData("/data/tools.csv")]
    public async Task Head_Page_Is200WithTheGetsContentType(string url)
    {
        using var client = app.CreateBrowserLikeClient();

        using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, url), Ct);
        using var get = await client.GetAsync(url, Ct);

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(get.Content.Headers.ContentType, head.Content.Headers.ContentType);
    }
}
