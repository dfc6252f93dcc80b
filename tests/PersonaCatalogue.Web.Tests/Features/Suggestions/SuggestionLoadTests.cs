using System.Net;
using Microsoft.EntityFrameworkCore;
using PersonaCatalogue.Web.Tests.Infrastructure;

namespace PersonaCatalogue.Web.Tests.Features.Suggestions;

/// <summary>Concurrent writers against one SQLite file: WAL and the busy timeout make them wait, never fail.</summary>
public class SuggestionLoadTests(SuggestionAppFactory app) : IClassFixture<SuggestionAppFactory>
{
    private const int Clients = 20;
    private const int PerClient = 10;

    [Fact]
    public async Task Post_200SuggestionsFrom20ParallelClients_AreAllStored()
    {
        var ct = TestContext.Current.CancellationToken;
        var batch = Guid.NewGuid().ToString("N")[..8];

        var statuses = await Task.WhenAll(Enumerable.Range(0, Clients).Select(async c =>
        {
            using var client = app.CreateBrowserLikeClient();
            var (action, token) = await FormPost.GetFormAsync(client, SuggestionAnswers.FormUrl, ct);
            var results = new List<HttpStatusCode>();
            for (var i = 0; i < PerClient; i++)
            {
                var answers = SuggestionAnswers.Valid($"Load {batch} {c:D2}-{i:D2}");
                using var response = await FormPost.PostAsync(client, action, answers, token, ct);
                results.Add(response.StatusCode);
            }

            return results;
        }));

        Assert.All(statuses.SelectMany(s => s), status => Assert.Equal(HttpStatusCode.Found, status));
        await using var db = app.CreateDbContext();
        var stored = await db.ToolSuggestions.Where(s => s.ToolName.StartsWith($"Load {batch} ")).ToListAsync(ct);
        Assert.Equal(Clients * PerClient, stored.Count);
        Assert.Equal(Clients * PerClient, stored.Select(s => s.Reference).Distinct().Count());
        Assert.Equal(Clients * PerClient, stored.Select(s => s.ToolName).Distinct().Count());
    }
}
