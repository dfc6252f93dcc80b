using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Microsoft.Data.Sqlite;

// The write burst of bench/run: each of N concurrent clients is one visitor who, again and again, opens the
// suggest-a-tool form, posts a suggestion and follows the redirect to its confirmation, as a browser would.
// Afterwards the database file is counted, so "stored" means committed, not merely answered.
//
// The site runs as it does behind a TLS-terminating proxy (ForwardedHeaders:Enabled and X-Forwarded-Proto: https),
// because antiforgery refuses plain http outside Development. Its cookies are therefore Secure, which a cookie
// container would not send back over http, so each client keeps its antiforgery cookie and sends it by hand.
//
// Usage: WriteBurst --url http://127.0.0.1:5090 --database /path/catalogue.db [--suggestions 1000] [--clients 50]
var options = Options.Parse(args);
var runId = Guid.NewGuid().ToString("N")[..8];
var statuses = new int[6];
var failures = new List<string>();
var postMilliseconds = new List<double>();

using var handler = new SocketsHttpHandler
{
    UseCookies = false,
    AllowAutoRedirect = false,
    MaxConnectionsPerServer = options.Clients,
    PooledConnectionLifetime = TimeSpan.FromMinutes(5),
};
using var http = new HttpClient(handler) { BaseAddress = options.Url, Timeout = TimeSpan.FromSeconds(60) };
var parser = new HtmlParser();

async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, string? cookie)
{
    request.Headers.Add("X-Forwarded-Proto", "https");
    if (cookie is not null)
    {
        request.Headers.Add("Cookie", cookie);
    }

    var response = await http.SendAsync(request);
    lock (statuses)
    {
        statuses[(int)response.StatusCode / 100]++;
    }

    return response;
}

async Task ClientAsync(int client)
{
    string? cookie = null;
    for (var n = client; n < options.Suggestions; n += options.Clients)
    {
        try
        {
            using var form = await SendAsync(new HttpRequestMessage(HttpMethod.Get, "/suggest-a-tool"), cookie);
            // The first visit sets the antiforgery cookie; "name=value" is all a browser sends back.
            if (form.Headers.TryGetValues("Set-Cookie", out var setCookies))
            {
                cookie = string.Join("; ", setCookies.Select(c => c.Split(';')[0]));
            }

            var page = await parser.ParseDocumentAsync(await form.Content.ReadAsStringAsync());
            var token = page.QuerySelector("main form[method=post] input[name=__RequestVerificationToken]")?.GetAttribute("value")
                ?? throw new InvalidOperationException($"GET /suggest-a-tool gave {(int)form.StatusCode} without a form token");

            var fields = new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token,
                ["ToolName"] = $"Burst {runId} {n:D5}",
                ["Url"] = $"https://burst-{runId}-{n}.example.org/",
                ["WhatItDoes"] = "Turns council spreadsheets into open data and checks them against a schema first.",
                ["Personas"] = "sara",
                ["Skills"] = "cleaning-data",
                ["Cost"] = "free",
                ["SuggesterEmail"] = $"burst-{n}@example.org",
            };
            var stopwatch = Stopwatch.StartNew();
            using var post = await SendAsync(new HttpRequestMessage(HttpMethod.Post, "/suggest-a-tool") { Content = new FormUrlEncodedContent(fields) }, cookie);
            var elapsed = stopwatch.Elapsed.TotalMilliseconds;
            lock (postMilliseconds)
            {
                postMilliseconds.Add(elapsed);
            }

            if (post.StatusCode != HttpStatusCode.Found || post.Headers.Location is not { } confirmation)
            {
                throw new InvalidOperationException($"POST /suggest-a-tool gave {(int)post.StatusCode}");
            }

            using var confirmed = await SendAsync(new HttpRequestMessage(HttpMethod.Get, confirmation), cookie);
            if (confirmed.StatusCode != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"GET {confirmation} gave {(int)confirmed.StatusCode}");
            }
        }
        catch (Exception exception) when (exception is HttpRequestException or InvalidOperationException or TaskCanceledException)
        {
            lock (failures)
            {
                failures.Add($"suggestion {n}: {exception.Message}");
            }
        }
    }
}

var total = Stopwatch.StartNew();
await Task.WhenAll(Enumerable.Range(0, options.Clients).Select(c => Task.Run(() => ClientAsync(c))));
total.Stop();

long stored;
await using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = options.Database, Mode = SqliteOpenMode.ReadOnly }.ToString()))
{
    await connection.OpenAsync();
    await using var count = connection.CreateCommand();
    count.CommandText = "SELECT COUNT(*) FROM ToolSuggestions WHERE ToolName LIKE $prefix";
    count.Parameters.AddWithValue("$prefix", $"Burst {runId} %");
    stored = (long)(await count.ExecuteScalarAsync())!;
}

postMilliseconds.Sort();
double Percentile(double p) => postMilliseconds.Count == 0 ? 0 : postMilliseconds[Math.Min(postMilliseconds.Count - 1, (int)Math.Ceiling(p / 100 * postMilliseconds.Count) - 1)];
var result = new
{
    suggestions = options.Suggestions,
    clients = options.Clients,
    stored,
    seconds = Math.Round(total.Elapsed.TotalSeconds, 2),
    posts_per_second = Math.Round(postMilliseconds.Count / total.Elapsed.TotalSeconds, 1),
    post_p50_ms = Math.Round(Percentile(50), 2),
    post_p95_ms = Math.Round(Percentile(95), 2),
    post_p99_ms = Math.Round(Percentile(99), 2),
    status_2xx = statuses[2],
    status_3xx = statuses[3],
    status_4xx = statuses[4],
    status_5xx = statuses[5],
    failures = failures.Count,
};

foreach (var failure in failures.Take(10))
{
    Console.Error.WriteLine(failure);
}

Console.WriteLine(JsonSerializer.Serialize(result));
return stored == options.Suggestions && failures.Count == 0 && statuses[4] == 0 && statuses[5] == 0 ? 0 : 1;

internal sealed record Options(Uri Url, string Database, int Suggestions, int Clients)
{
    public static Options Parse(string[] args)
    {
        string? Value(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        int Number(string name, int fallback) => Value(name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

        var url = Value("--url") ?? throw new ArgumentException("--url is required, e.g. --url http://127.0.0.1:5090");
        var database = Value("--database") ?? throw new ArgumentException("--database is required: the app's SQLite file");
        return new Options(new Uri(url), database, Number("--suggestions", 1000), Number("--clients", 50));
    }
}
