using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PersonaCatalogue.Core.Data;

namespace PersonaCatalogue.Web.Tests.Infrastructure;

/// <summary>
/// The real app over HTTP with a database of its own, migrated and filled from the repository's seed-data/
/// exactly as on a first start. One per test class (IClassFixture), so no class sees another's data.
/// The database part is in a second file per test project: a SQLite file in this one
/// (<c>CatalogueAppFactory.Sqlite.cs</c>), a PostgreSQL database in PersonaCatalogue.Web.Tests.PostgreSQL, which
/// compiles the same integration tests.
/// </summary>
public partial class CatalogueAppFactory : WebApplicationFactory<Program>
{
    /// <summary>Settings for one test class, applied over the defaults below.</summary>
    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    /// <summary>
    /// The rate limits are per client, and every TestServer client looks like the same client, so tests raise them;
    /// the tests of the limits themselves set them low again through <see cref="Settings"/>. The page cache's delayed
    /// second eviction and its watch for command-line imports are off, so one test's late eviction (or an import another
    /// test ran in-process) cannot evict pages the next test has just cached.
    /// </summary>
    private static readonly Dictionary<string, string?> _defaults = new()
    {
        ["RateLimits:public-forms:PermitLimit"] = "100000",
        ["RateLimits:sign-in:PermitLimit"] = "100000",
        ["RateLimits:uncached:PermitLimit"] = "100000",
        ["OutputCache:SecondPassSeconds"] = "0",
        ["OutputCache:ImportCheckSeconds"] = "0",
        // Redis's budget per call is 50 ms in production; a test machine running several test hosts at once can be
        // slower than that without anything being wrong, which would make cache tests miss for no reason.
        ["Redis:BudgetMilliseconds"] = "1000",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        UseTestDatabase(builder);
        foreach (var (key, value) in _defaults.Concat(Settings))
        {
            builder.UseSetting(key, value);
        }
    }

    public CatalogueAppFactory()
    {
        // Cookies are Secure outside Development, so the test client talks https like a real browser would.
        ClientOptions.BaseAddress = new Uri("https://localhost");
    }

    /// <summary>A client that keeps cookies but does not follow redirects, so tests can assert the 302 and its Location.</summary>
    public HttpClient CreateBrowserLikeClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });

    /// <summary>A fresh DbContext on the app's database, for arranging and checking data.</summary>
    public CatalogueDbContext CreateDbContext()
    {
        var scope = Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<CatalogueDbContext>();
    }

    public async Task<IHtmlDocument> GetDocumentAsync(string url)
    {
        using var client = CreateBrowserLikeClient();
        using var response = await client.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"GET {url} gave {(int)response.StatusCode}");
        return await ParseAsync(response);
    }

    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response) =>
        await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());

    /// <summary>Points the app at this factory's own database.</summary>
    private partial void UseTestDatabase(IWebHostBuilder builder);

    /// <summary>Deletes this factory's database once the app has stopped.</summary>
    private partial ValueTask DeleteTestDatabaseAsync();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await DeleteTestDatabaseAsync();
        GC.SuppressFinalize(this);
    }
}
