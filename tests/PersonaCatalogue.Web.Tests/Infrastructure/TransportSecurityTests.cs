using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace PersonaCatalogue.Web.Tests.Infrastructure;

/// <summary>HSTS behind a TLS-terminating proxy, and what the site does when it is reached over plain http.</summary>
public class TransportSecurityTests(TransportSecurityTests.App app) : IClassFixture<TransportSecurityTests.App>
{
    public class App : CatalogueAppFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["ForwardedHeaders:Enabled"] = "true",
        };
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient ProxiedClient() =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("http://catalogue.example.org") });

    [Fact]
    public async Task Get_ForwardedHttps_SendsHstsForAYearWithSubdomains()
    {
        using var client = ProxiedClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "203.0.113.9");

        using var response = await client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("max-age=31536000; includeSubDomains", string.Join(",", response.Headers.GetValues("Strict-Transport-Security")));
    }

    [Fact]
    public async Task Get_PlainHttp_SendsNoHsts()
    {
        using var client = ProxiedClient();

        using var response = await client.GetAsync("/", Ct);

        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }
}

/// <summary>
/// The site in Production reached over plain http (the Docker image on http://localhost:8080): every cookie is Secure,
/// so a form cannot work; the visitor gets a page saying why and how to fix it, never a 500.
/// </summary>
public class PlainHttpInProductionTests(PlainHttpInProductionTests.App app) : IClassFixture<PlainHttpInProductionTests.App>
{
    public class App : CatalogueAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
        }
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient HttpClient() =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("http://localhost:8080") });

    [Theory]
    [InlineData("/suggest-a-tool")]
    [InlineData("/staff/sign-in")]
    [InlineData("/personas/sara/feedback")]
    public async Task GetFormPage_OverHttp_ExplainsThatHttpsIsNeeded(string url)
    {
        using var client = HttpClient();

        using var response = await client.GetAsync(url, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var doc = await CatalogueAppFactory.ParseAsync(response);
        Assert.Equal("This site must be served over https", doc.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("ForwardedHeaders__Enabled=true", doc.QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task PostForm_OverHttp_ExplainsThatHttpsIsNeeded()
    {
        using var client = HttpClient();

        using var response = await client.PostAsync("/suggest-a-tool", new FormUrlEncodedContent([new("ToolName", "Something")]), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("This site must be served over https", (await CatalogueAppFactory.ParseAsync(response)).QuerySelector("h1")!.TextContent.Trim());
    }

    [Fact]
    public async Task GetPageWithoutForm_OverHttp_IsServed()
    {
        using var client = HttpClient();

        using var response = await client.GetAsync("/personas", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}

/// <summary>On the real server (Kestrel, not the in-memory test server): no header names the software, and HEAD has no body.</summary>
public class RealServerTests : IAsyncLifetime
{
    private readonly CatalogueAppFactory _app = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        _app.UseKestrel(0);
        _app.StartServer();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private HttpClient Client() =>
        new() { BaseAddress = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()) };

    [Fact]
    public async Task Head_OnKestrel_AnswersWithHeadersOnly()
    {
        using var client = Client();

        using var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/personas"), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync(Ct));
    }

    [Fact]
    public async Task Get_OnKestrel_HasNoServerHeader()
    {
        using var client = Client();

        using var response = await client.GetAsync("/personas", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(response.Headers.Server);
        Assert.False(response.Headers.Contains("Server"));
    }
}
