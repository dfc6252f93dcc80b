using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using PersonaCatalogue.Core.Data.Entities;
using PersonaCatalogue.Web.Tests.Infrastructure;

namespace PersonaCatalogue.Web.Tests.Features.Staff.Feedback;

/// <summary>The CSV export of the inbox, read back with a strict RFC 4180 reader (CsvHelper).</summary>
public class FeedbackExportTests(CatalogueAppFactory app) : IClassFixture<CatalogueAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string[] _columns =
    [
        "id", "kind", "created_utc", "persona", "iteration", "status", "usefulness", "right_people", "missing_or_wrong",
        "how_would_you_use_it", "tool", "helped", "what_it_helped_do", "missing_role", "what_they_do", "what_they_need_to_know",
        "support_needed", "skill_areas", "your_role", "consent_to_publish", "comment_published", "reviewed_by", "reviewed_utc",
    ];

    public static async Task<(HttpResponseMessage Response, string Text, string[] Headers, List<Dictionary<string, string>> Rows)> ExportAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync("/staff/feedback/export.csv" + query, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes[3..]);
        var (headers, rows) = StrictCsv.Read(text);
        return (response, text, headers, rows.Select(r => headers.Zip(r).ToDictionary(p => p.First, p => p.Second)).ToList());
    }

    [Fact]
    public async Task Export_HasAHeaderAndTheRowsOfTheFilter()
    {
        var (client, _) = await app.SignedInClientAsync(StaffRoles.Moderator);
        var persona = await app.CreatePersonaAsync();
        var other = await app.CreatePersonaAsync();
        var first = await app.CreatePersonaFeedbackAsync(persona, Usefulness.SomewhatUseful, RightPeople.Partly, missingOrWrong: "More on budgets",
            howWouldYouUseIt: "Workshops", consent: true, role: GiverRole.SupportsPublicSector, createdAt: new DateTime(2026, 2, 3, 4, 5, 6, DateTimeKind.Utc));
        var second = await app.CreatePersonaFeedbackAsync(persona, createdAt: new DateTime(2026, 2, 4, 0, 0, 0, DateTimeKind.Utc));
        await app.CreatePersonaFeedbackAsync(persona, status: FeedbackStatus.Spam);
        await app.CreatePersonaFeedbackAsync(persona, iteration: 2);
        await app.CreatePersonaFeedbackAsync(other);

        var (response, text, headers, rows) = await ExportAsync(client, $"?persona={persona.Slug}&iteration=1&status=new");

        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType.CharSet);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.EndsWith(".csv", response.Content.Headers.ContentDisposition.FileName);
        Assert.Contains("\r\n", text);
        Assert.Equal(_columns, headers);
        Assert.Equal([second.Id.ToString(), first.Id.ToString()], rows.Select(r => r["id"]));
        var row = rows[1];
        Assert.Equal("persona", row["kind"]);
        Assert.Equal("2026-02-03T04:05:06Z", row["created_utc"]);
        Assert.Equal(persona.Slug, row["persona"]);
        Assert.Equal("1", row["iteration"]);
        Assert.Equal("new", row["status"]);
        Assert.Equal("somewhat", row["usefulness"]);
        Assert.Equal("partly", row["right_people"]);
        Assert.Equal("More on budgets", row["missing_or_wrong"]);
        Assert.Equal("Workshops", row["how_would_you_use_it"]);
        Assert.Equal("supports-public-sector", row["your_role"]);
        Assert.Equal("yes", row["consent_to_publish"]);
        Assert.Equal("no", row["comment_published"]);
        Assert.Equal("", row["reviewed_by"]);

        var (_, _, _, all) = await ExportAsync(client, $"?persona={persona.Slug}&status=all");
        Assert.Equal(4, all.Count);
        var (_, _, _, spam) = await ExportAsync(client, $"?persona={persona.Slug}&status=spam");
        Assert.Equal(["spam"], spam.Select(r => r["status"]));
    }

    [Fact]
    public async Task Export_EscapesCommasQuotesLineBreaksAndFormulas()
    {
        var (client, _) = await app.SignedInClientAsync(StaffRoles.Administrator);
        var persona = await app.CreatePersonaAsync();
        string[] nasty =
        [
            "Commas, everywhere, here",
            "She said \"quote\" twice \"\"",
            "Line one\nLine two\r\nLine three",
            "=HYPERLINK(\"https://evil.example.com\",\"Click\")",
            "+SUM(1,2)",
            "-2+3",
            "@SUM(A1)",
            "=1+1, \"and\"\nmore",
        ];
        var ids = new List<int>();
        foreach (var text in nasty)
        {
            ids.Add((await app.CreatePersonaFeedbackAsync(persona, missingOrWrong: text, howWouldYouUseIt: "ok", email: "=cmd|' /C calc'!A0@example.org")).Id);
        }

        var (_, raw, _, rows) = await ExportAsync(client, $"?persona={persona.Slug}");

        var byId = rows.ToDictionary(r => int.Parse(r["id"]));
        for (var i = 0; i < nasty.Length; i++)
        {
            var expected = nasty[i][0] is '=' or '+' or '-' or '@' ? "'" + nasty[i] : nasty[i];
            Assert.Equal(expected, byId[ids[i]]["missing_or_wrong"]);
            Assert.Equal("ok", byId[ids[i]]["how_would_you_use_it"]);
            Assert.Equal("'=cmd|' /C calc'!A0@example.org", byId[ids[i]]["email"]);
        }

        // No cell in the file starts with a formula character once quoting is taken away.
        Assert.All(rows.SelectMany(r => r.Values), cell => Assert.False(cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r', cell));
        Assert.DoesNotContain(",=", raw);
        Assert.DoesNotContain(",\"=", raw);
    }

    [Fact]
    public async Task Export_Moderator_HasNoEmailColumn()
    {
        var (client, _) = await app.SignedInClientAsync(StaffRoles.Moderator);
        var persona = await app.CreatePersonaAsync();
        await app.CreatePersonaFeedbackAsync(persona, email: "hidden.person@example.org");

        var (_, text, headers, rows) = await ExportAsync(client, $"?persona={persona.Slug}");

        Assert.Equal(_columns, headers);
        Assert.DoesNotContain("email", headers);
        Assert.Single(rows);
        Assert.DoesNotContain("hidden.person", text);
    }

    [Fact]
    public async Task Export_Administrator_HasTheEmailColumn()
    {
        var (client, email) = await app.SignedInClientAsync(StaffRoles.Administrator);
        var persona = await app.CreatePersonaAsync();
        await app.CreatePersonaFeedbackAsync(persona, email: "shown.person@example.org");
        await app.CreatePersonaFeedbackAsync(persona, email: null);

        var (_, _, headers, rows) = await ExportAsync(client, $"?persona={persona.Slug}");

        Assert.Equal([.. _columns, "email"], headers);
        Assert.Equal(["", "shown.person@example.org"], rows.Select(r => r["email"]));
        await using var db = app.CreateDbContext();
        var audit = await db.AuditEvents.OrderByDescending(e => e.Id).FirstAsync(e => e.Action == "feedback.exported" && e.UserEmail == email, Ct);
        Assert.Contains(persona.Slug, audit.Details);
        Assert.Contains("\"withEmail\":true", audit.Details);
    }

    [Fact]
    public async Task Inbox_LinksToTheExportOfTheSameFilter()
    {
        var (client, _) = await app.SignedInClientAsync(StaffRoles.Moderator);
        var persona = await app.CreatePersonaAsync();
        await app.CreatePersonaFeedbackAsync(persona, status: FeedbackStatus.Reviewed);

        using var response = await client.GetAsync($"/staff/feedback?persona={persona.Slug}&iteration=1&status=reviewed", Ct);

        var doc = await CatalogueAppFactory.ParseAsync(response);
        Assert.NotNull(doc.QuerySelector($"a[href='/staff/feedback/export.csv?persona={persona.Slug}&iteration=1&status=reviewed']"));
    }
}
