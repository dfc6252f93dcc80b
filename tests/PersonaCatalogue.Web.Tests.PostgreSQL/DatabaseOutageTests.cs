using System.Net;
using AngleSharp.Html.Parser;
using Npgsql;
using PersonaCatalogue.Web.Tests.Features.Suggestions;
using PersonaCatalogue.Web.Tests.Infrastructure;

namespace PersonaCatalogue.Web.Tests;

/// <summary>
/// PostgreSQL cut off (through a proxy the test controls) while the site runs: cached pages are still served, other
/// requests get "try again later" (503 with Retry-After), a form's answers are kept and nothing is half-stored, and the
/// site recovers by itself when the database comes back.
/// </summary>
public class DatabaseOutageTests(DatabaseOutageTests.App app) : IClassFixture<DatabaseOutageTests.App>
{
    public sealed class App : CatalogueAppFactory
    {
        private TcpProxy? _proxy;

        public TcpProxy Proxy => _proxy ??= StartProxy();

        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["ConnectionStrings:Catalogue"] = new NpgsqlConnectionStringBuilder(TestServices.ConnectionString(DatabaseName))
            {
                Host = "127.0.0.1",
                Port = Proxy.Port,
                Timeout = 3,
            }.ConnectionString,
            ["RateLimits:public-forms:PermitLimit"] = "10000",
        };

        private static TcpProxy StartProxy()
        {
            var server = new NpgsqlConnectionStringBuilder(TestServices.Postgres);
            var proxy = new TcpProxy(server.Host!, server.Port);
            proxy.Start();
            return proxy;
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            if (_proxy is not null)
            {
                await _proxy.DisposeAsync();
            }
        }
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task WhileTheDatabaseIsAway_CachedPagesServe_OthersSay503_FormsKeepAnswers_ThenItRecovers()
    {
        using var browser = app.CreateBrowserLikeClient();
        using (await browser.GetAsync("/personas/sara", Ct))
        {
        }

        var token = await browser.GetAntiforgeryTokenAsync(SuggestionAnswers.FormUrl);
        var answers = SuggestionAnswers.Valid();

        app.Proxy.Cut();
        try
        {
            using (var cached = await browser.GetAsync("/personas/sara", Ct))
            {
                Assert.Equal(HttpStatusCode.OK, cached.StatusCode);
                Assert.NotNull(cached.Headers.Age);
            }

            using (var uncached = await browser.GetAsync("/tools/csvlint", Ct))
            {
                Assert.Equal(HttpStatusCode.ServiceUnavailable, uncached.StatusCode);
                Assert.Equal(TimeSpan.FromSeconds(30), uncached.Headers.RetryAfter?.Delta);
                Assert.Contains("Sorry, the service is unavailable", await uncached.Content.ReadAsStringAsync(Ct));
            }

            using var refused = await FormPost.PostAsync(browser, SuggestionAnswers.FormUrl, answers, token, Ct);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            var page = new HtmlParser().ParseDocument(await refused.Content.ReadAsStringAsync(Ct));
            var form = page.QuerySelector("main form[method=post]");
            Assert.NotNull(form);
            Assert.Equal(SuggestionAnswers.FormUrl, form.GetAttribute("action"));
            var kept = form.QuerySelectorAll("input[type=hidden]")
                .Select(input => new KeyValuePair<string, string>(input.GetAttribute("name")!, input.GetAttribute("value") ?? ""))
                .ToList();
            foreach (var answer in answers)
            {
                Assert.Contains(answer, kept);
            }

            app.Proxy.Start();

            // Sent again from the kept form, as the person would: stored once, and the site works without a restart.
            using var resent = await browser.PostAsync(SuggestionAnswers.FormUrl, new FormUrlEncodedContent(kept), Ct);
            Assert.Equal(HttpStatusCode.Redirect, resent.StatusCode);
            await using var db = app.CreateDbContext();
            Assert.Single(db.ToolSuggestions.Where(s => s.ToolName == answers.Value("ToolName")));
            using var recovered = await browser.GetAsync("/tools/csvlint", Ct);
            Assert.Equal(HttpStatusCode.OK, recovered.StatusCode);
        }
        finally
        {
            app.Proxy.Start();
        }
    }
}
