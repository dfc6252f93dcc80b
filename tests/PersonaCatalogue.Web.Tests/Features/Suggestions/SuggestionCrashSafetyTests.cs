using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using PersonaCatalogue.Web.Tests.Infrastructure;

namespace PersonaCatalogue.Web.Tests.Features.Suggestions;

/// <summary>
/// The site as a real process on SQLite, killed (SIGKILL) in the middle of a burst of suggestions: every suggestion
/// whose confirmation reached the sender is in the database after a restart, and the file is intact.
/// </summary>
public class SuggestionCrashSafetyTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "persona-catalogue-crash", Guid.NewGuid().ToString("N"));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string DatabasePath => Path.Combine(_folder, "catalogue.db");

    [Fact]
    public async Task KilledMidBurst_EveryConfirmedSuggestionIsThereAfterRestart_AndTheFileIsIntact()
    {
        Directory.CreateDirectory(_folder);
        var port = FreePort();
        var site = await StartSiteAsync(port);
        var confirmed = new List<string>();
        try
        {
            using var client = Client(port);
            var token = await AntiforgeryAsync(client);
            using var stop = new CancellationTokenSource();
            var senders = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    var answers = SuggestionAnswers.Valid();
                    try
                    {
                        using var response = await FormPost.PostAsync(client, SuggestionAnswers.FormUrl, answers, token, CancellationToken.None);
                        if (response.StatusCode == HttpStatusCode.Redirect)
                        {
                            lock (confirmed)
                            {
                                confirmed.Add(answers.Value("ToolName"));
                            }
                        }
                    }
                    catch (HttpRequestException)
                    {
                        // The server is gone: this suggestion was never confirmed.
                        return;
                    }
                }
            })).ToList();

            // Kill once some suggestions have been confirmed, while the senders keep sending.
            for (var waited = 0; confirmed.Count < 20 && waited < 600; waited++)
            {
                await Task.Delay(50, Ct);
            }

            site.Kill();
            await site.WaitForExitAsync(Ct);
            stop.Cancel();
            await Task.WhenAll(senders);
        }
        finally
        {
            if (!site.HasExited)
            {
                site.Kill();
            }
        }

        Assert.True(confirmed.Count >= 20, $"only {confirmed.Count} suggestions were confirmed before the kill");

        // Restarting applies the write-ahead log; the site then serves again.
        var restarted = await StartSiteAsync(port);
        try
        {
            await using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
            await connection.OpenAsync(Ct);
            await using var integrity = connection.CreateCommand();
            integrity.CommandText = "PRAGMA integrity_check";
            Assert.Equal("ok", await integrity.ExecuteScalarAsync(Ct));
            var stored = new HashSet<string>();
            await using var names = connection.CreateCommand();
            names.CommandText = "SELECT ToolName FROM ToolSuggestions";
            await using var reader = await names.ExecuteReaderAsync(Ct);
            while (await reader.ReadAsync(Ct))
            {
                stored.Add(reader.GetString(0));
            }

            var lost = confirmed.Where(name => !stored.Contains(name)).ToList();
            Assert.True(lost.Count == 0, $"{lost.Count} of {confirmed.Count} confirmed suggestions were lost");
        }
        finally
        {
            restarted.Kill();
            await restarted.WaitForExitAsync(Ct);
        }
    }

    private async Task<Process> StartSiteAsync(int port)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = _folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(typeof(Program).Assembly.Location);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Database__Path"] = DatabasePath;
        start.Environment["SeedData__Path"] = TestPaths.SeedData;
        // As behind a TLS-terminating proxy, which the client plays by sending X-Forwarded-Proto (Secure cookies).
        start.Environment["ForwardedHeaders__Enabled"] = "true";
        start.Environment["RateLimits__public-forms__PermitLimit"] = "1000000";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(start)!;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var client = Client(port);
        for (var tries = 0; tries < 600; tries++)
        {
            try
            {
                using var response = await client.GetAsync("/health", Ct);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return process;
                }
            }
            catch (HttpRequestException)
            {
            }

            Assert.False(process.HasExited, "the site stopped while starting");
            await Task.Delay(100, Ct);
        }

        process.Kill();
        throw new InvalidOperationException("the site did not start within a minute");
    }

    /// <summary>
    /// The form's token, with its cookie set on the client by hand: the cookie is Secure (the site believes it is
    /// behind https), which a cookie container would not send over this plain http connection.
    /// </summary>
    private static async Task<string> AntiforgeryAsync(HttpClient client)
    {
        using var page = await client.GetAsync(SuggestionAnswers.FormUrl, Ct);
        var cookie = page.Headers.GetValues("Set-Cookie").First(c => c.StartsWith("antiforgery=", StringComparison.Ordinal)).Split(';')[0];
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        var doc = await CatalogueAppFactory.ParseAsync(page);
        return doc.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
    }

    private static HttpClient Client(int port)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false })
        {
            BaseAddress = new Uri($"http://127.0.0.1:{port}"),
        };
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        return client;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A restarted site may still hold the file for a moment; the temp folder is cleaned by the system.
        }
    }
}
