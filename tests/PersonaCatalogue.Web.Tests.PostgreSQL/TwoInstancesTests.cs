using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using PersonaCatalogue.Core.Data.Entities;
using PersonaCatalogue.Web.Tests.Features.Suggestions;
using PersonaCatalogue.Web.Tests.Infrastructure;

namespace PersonaCatalogue.Web.Tests;

/// <summary>
/// Two app instances, as behind a load balancer: separate hosts (their own memory, Data Protection key ring and
/// in-process caches) sharing one PostgreSQL database and one Redis.
/// </summary>
public sealed class TwoInstances : IAsyncDisposable
{
    /// <summary>The Redis key prefix of this pair alone, so other tests' cached pages never mix with theirs.</summary>
    private readonly string _cacheName = $"two-instances-{Guid.NewGuid():N}:";

    public TwoInstances()
    {
        A = new Instance(_cacheName);
        B = new Instance(_cacheName) { DatabaseName = A.DatabaseName, OwnsDatabase = false };
    }

    public Instance A { get; }

    public Instance B { get; }

    /// <summary>
    /// Starts A, then B, as a deployment does: A migrates and fills the database and makes the first Data Protection
    /// key (by rendering a form); B then finds both in the database.
    /// </summary>
    public async Task StartAsync()
    {
        using var client = A.CreateBrowserLikeClient();
        await client.GetAntiforgeryTokenAsync("/suggest-a-tool");
        _ = B.Services;
    }

    /// <summary>
    /// One browser that the load balancer sends to A or B as the test chooses: both clients share one cookie jar,
    /// talk https and do not follow redirects.
    /// </summary>
    public (HttpClient OnA, HttpClient OnB) Browser()
    {
        var cookies = new CookieContainer();
        var baseAddress = new Uri("https://localhost");
        return (A.CreateDefaultClient(baseAddress, new CookieContainerHandler(cookies)),
                B.CreateDefaultClient(baseAddress, new CookieContainerHandler(cookies)));
    }

    public async ValueTask DisposeAsync()
    {
        await B.DisposeAsync();
        await A.DisposeAsync();
    }

    public sealed class Instance(string cacheName) : CatalogueAppFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Redis:Configuration"] = TestServices.Redis,
            ["Redis:InstanceName"] = cacheName,
        };

        protected override IHost CreateHost(IHostBuilder builder)
        {
            _ = TestServices.Redis;
            return base.CreateHost(builder);
        }
    }
}

public class TwoInstancesTests(TwoInstances instances) : IClassFixture<TwoInstances>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private TwoInstances.Instance A => instances.A;

    private TwoInstances.Instance B => instances.B;

    /// <summary>A page and whether it came from the output cache (a cached response carries an Age header).</summary>
    private static async Task<(bool FromCache, string Html)> GetPageAsync(TwoInstances.Instance instance, string url)
    {
        using var client = instance.CreateBrowserLikeClient();
        using var response = await client.GetAsync(url, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (response.Headers.Age is not null, await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task SuggestionApprovedOnA_IsOnBsCachedToolsPage_OnTheVeryNextRequest()
    {
        await instances.StartAsync();
        var name = "Kingfisher " + Guid.NewGuid().ToString("N")[..8];
        var slug = name.ToLowerInvariant().Replace(' ', '-');
        var suggestion = await A.CreateSuggestionAsync(toolName: name);
        var url = "/tools?sort=newest&q=kingfisher";

        // A page with a query string is stored on its second request, and comes from the cache on the third.
        await GetPageAsync(B, url);
        await GetPageAsync(B, url);
        var cachedOnB = await GetPageAsync(B, url);
        var firstOnA = await GetPageAsync(A, url);
        Assert.True(cachedOnB.FromCache, "B did not cache the tools page");
        Assert.True(firstOnA.FromCache, "A's first request did not find the page B cached: the instances do not share the cache");
        Assert.DoesNotContain(name, cachedOnB.Html);

        var (moderator, _) = await A.SignedInClientAsync(StaffRoles.Moderator);
        using var approved = await moderator.PostFormAsync($"/staff/suggestions/{suggestion.Id}/approve",
        [
            new("Name", name), new("Slug", slug), new("Url", $"https://{slug}.example.org/"),
            new("Summary", $"{name} turns messy spreadsheets into tidy open data."), new("Description", "A free tool for councils."),
            new("Kind", "software"), new("Cost", "free"), new("Open", "yes"), new("Publisher", "Example Trust"),
            new("Skills", "cleaning-data"), new("Personas", "sara"), new("PersonaWhy[sara]", "Sara can clean data quickly."),
            new("Action", "publish"), new("version", suggestion.Version.ToString()),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);

        var nextOnB = await GetPageAsync(B, url);
        Assert.False(nextOnB.FromCache, "B served its cached page after A published the tool");
        Assert.Contains(name, nextOnB.Html);
        Assert.Contains(name, (await GetPageAsync(B, $"/tools/{slug}")).Html);
    }

    [Fact]
    public async Task AntiforgeryTokenFromA_IsAcceptedByB()
    {
        await instances.StartAsync();
        var (onA, onB) = instances.Browser();
        var answers = SuggestionAnswers.Valid();
        var token = await onA.GetAntiforgeryTokenAsync(SuggestionAnswers.FormUrl);

        using var refused = await FormPost.PostAsync(onB, SuggestionAnswers.FormUrl, answers, token: null, Ct);
        using var accepted = await FormPost.PostAsync(onB, SuggestionAnswers.FormUrl, answers, token, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        await using var db = B.CreateDbContext();
        Assert.True(await db.ToolSuggestions.AnyAsync(s => s.ToolName == answers.Value("ToolName"), Ct));
    }

    [Fact]
    public async Task StaffCookieFromA_SignsInOnB()
    {
        await instances.StartAsync();
        var (onA, onB) = instances.Browser();
        var email = await A.CreateStaffAsync(StaffRoles.Moderator);
        using (var beforeSignIn = await onB.GetAsync("/staff", Ct))
        {
            Assert.Equal(HttpStatusCode.Redirect, beforeSignIn.StatusCode);
        }

        using var signIn = await onA.PostFormAsync("/staff/sign-in", [new("Email", email), new("Password", TestData.StaffPassword)]);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);

        using var dashboard = await onB.GetAsync("/staff", Ct);
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.Contains(email, await dashboard.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Health_ReportsTheSharedDatabaseAndRedis()
    {
        await instances.StartAsync();
        using var client = B.CreateBrowserLikeClient();
        using var response = await client.GetAsync("/health", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        var checks = json.RootElement.GetProperty("checks");
        Assert.Equal("PostgreSQL", checks.GetProperty("database").GetProperty("description").GetString());
        Assert.Equal("Healthy", checks.GetProperty("redis").GetProperty("status").GetString());
        Assert.StartsWith("Redis, ping", checks.GetProperty("redis").GetProperty("description").GetString());
    }
}
