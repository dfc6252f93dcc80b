using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using PersonaCatalogue.Core.Data.Entities;
using PersonaCatalogue.Web.Tests.Features.Suggestions;
using PersonaCatalogue.Web.Tests.Infrastructure;

namespace PersonaCatalogue.Web.Tests.Cli.Transfer;

/// <summary>
/// A SQLite site built through the real app (seeded, then suggestions decided every way, feedback given and triaged, a
/// tool retired, staff signed in, so audit events and Data Protection keys exist), exported twice with the command line
/// (as it comes, and with password hashes and keys), each export imported into a new database of
/// <typeparamref name="TTarget"/>, and a site started on each. Built once per test class; the tests only read.
/// </summary>
public class TransferFixture<TTarget> : IAsyncLifetime
    where TTarget : TransferTarget, new()
{
    public const string ApprovedToolName = "Quokka Open Ledger";
    public const string ApprovedToolSlug = "quokka-open-ledger";

    public CatalogueAppFactory Source { get; } = new();

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "persona-catalogue-transfer", Guid.NewGuid().ToString("N"));

    public string ExportFile => Path.Combine(Folder, "export.json");

    public string ExportWithSecretsFile => Path.Combine(Folder, "export-with-secrets.json");

    public TTarget Target { get; } = new();

    public TTarget TargetWithSecrets { get; } = new();

    public CatalogueAppFactory TargetSite { get; private set; } = null!;

    public CatalogueAppFactory TargetWithSecretsSite { get; private set; } = null!;

    public IReadOnlyList<KeyValuePair<string, string>> SourceSettings => [new("Database:Path", Source.DatabasePath)];

    public Dictionary<string, long> SourceCounts { get; private set; } = [];

    public Dictionary<string, long> TargetCounts { get; private set; } = [];

    public Dictionary<string, long> TargetWithSecretsCounts { get; private set; } = [];

    public CommandLineResult Export { get; private set; } = null!;

    public CommandLineResult Import { get; private set; } = null!;

    public CommandLineResult ExportWithSecrets { get; private set; } = null!;

    public CommandLineResult ImportWithSecrets { get; private set; } = null!;

    /// <summary>An administrator on the source site, whose password is <see cref="TestData.StaffPassword"/>.</summary>
    public string StaffEmail { get; private set; } = "";

    /// <summary>The source site's staff cookie for <see cref="StaffEmail"/>, as a Cookie header value.</summary>
    public string StaffCookie { get; private set; } = "";

    public List<ToolSuggestion> Suggestions { get; private set; } = [];

    public async ValueTask InitializeAsync()
    {
        if (Target.SkipReason is not null)
        {
            // The tests skip, naming the reason; building the source site for them would be wasted.
            return;
        }

        await BuildSourceSiteAsync();
        SourceCounts = await SqliteTransferTarget.CountSqliteRowsAsync(Source.DatabasePath);
        Export = await CommandLineProcess.RunAsync(Folder, SourceSettings, "export", ExportFile);
        ExportWithSecrets = await CommandLineProcess.RunAsync(
            Folder, SourceSettings, "export", ExportWithSecretsFile, "--include-password-hashes", "--include-data-protection-keys");
        Import = await CommandLineProcess.RunAsync(Folder, Target.Settings, "import-all", ExportFile);
        ImportWithSecrets = await CommandLineProcess.RunAsync(Folder, TargetWithSecrets.Settings, "import-all", ExportWithSecretsFile);
        if (Import.ExitCode == 0 && ImportWithSecrets.ExitCode == 0)
        {
            // Counted before a site starts on them, as a start may make a Data Protection key of its own.
            TargetCounts = await Target.CountRowsAsync();
            TargetWithSecretsCounts = await TargetWithSecrets.CountRowsAsync();
        }

        TargetSite = Target.CreateSite();
        TargetWithSecretsSite = TargetWithSecrets.CreateSite();
    }

    private async Task BuildSourceSiteAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        var (moderator, _) = await Source.SignedInClientAsync(StaffRoles.Moderator);
        // A Moderator: an Administrator's cookie would need a second factor, which this password-only sign-in does not give.
        StaffEmail = await Source.CreateStaffAsync(StaffRoles.Moderator);
        StaffCookie = await SignInForCookieAsync(Source, StaffEmail);

        // A suggestion through the public form, left waiting.
        using (var sent = await Source.CreateBrowserLikeClient().PostFormAsync(SuggestionAnswers.FormUrl, SuggestionAnswers.Valid("Wombat Tidy Tables")))
        {
            Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        }

        // Approved and published as a tool, rejected with a reason, and marked as a duplicate: each by a moderator.
        var approved = await Source.CreateSuggestionAsync(toolName: ApprovedToolName, whatItDoes: "Keeps a council's spending ledger as open data.");
        using (var response = await moderator.PostFormAsync($"/staff/suggestions/{approved.Id}/approve", ToolFields(approved)))
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        var rejected = await Source.CreateSuggestionAsync();
        using (var response = await moderator.PostFormAsync(
            $"/staff/suggestions/{rejected.Id}", [new("Version", rejected.Version.ToString()), new("Reason", "It is an advert, not a tool.")], $"/staff/suggestions/{rejected.Id}/reject"))
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        var duplicate = await Source.CreateSuggestionAsync(url: "https://csvlint.io/");
        using (var response = await moderator.PostFormAsync(
            $"/staff/suggestions/{duplicate.Id}", [new("Version", duplicate.Version.ToString()), new("ToolSlug", "csvlint")], $"/staff/suggestions/{duplicate.Id}/duplicate"))
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        // Feedback through the public form, its comment published by a moderator; more feedback, some of it spam.
        using (var given = await Source.CreateBrowserLikeClient().PostFormAsync("/personas/sara/feedback",
        [
            new("Usefulness", "somewhat"), new("RightPeople", "partly"), new("MissingOrWrong", "Nothing about procurement rules."),
            new("HowWouldYouUseIt", "In our discovery workshop."), new("YourRole", "supports-public-sector"), new("Publish", "yes"),
            new("Email", "someone@example.org"), new("Website", ""),
        ]))
        {
            Assert.Equal(HttpStatusCode.Redirect, given.StatusCode);
        }

        await using (var db = Source.CreateDbContext())
        {
            var sara = await db.Personas.AsNoTracking().SingleAsync(p => p.Slug == "sara", ct);
            var feedbackId = await db.PersonaFeedback.Where(f => f.PersonaId == sara.Id).Select(f => f.Id).SingleAsync(ct);
            using var published = await moderator.PostFormAsync("/staff/feedback", [], $"/staff/feedback/{feedbackId}/publish");
            Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
            await Source.CreatePersonaFeedbackAsync(sara, Usefulness.NotUseful, RightPeople.No, missingOrWrong: "Buy cheap watches", status: FeedbackStatus.Spam);
            await Source.CreatePersonaFeedbackAsync(sara, Usefulness.VeryUseful, RightPeople.Yes, role: GiverRole.Other, createdAt: new DateTime(2026, 3, 4, 5, 6, 7, DateTimeKind.Utc));
        }

        using (var retired = await moderator.PostFormAsync("/staff/tools/jupyter/edit", [], "/staff/tools/jupyter/retire"))
        {
            Assert.Equal(HttpStatusCode.Redirect, retired.StatusCode);
        }

        await using (var db = Source.CreateDbContext())
        {
            Suggestions = await db.ToolSuggestions.AsNoTracking().OrderBy(s => s.Id).ToListAsync(ct);
        }
    }

    private static List<KeyValuePair<string, string>> ToolFields(ToolSuggestion suggestion) =>
    [
        new("version", suggestion.Version.ToString()),
        new("Name", ApprovedToolName),
        new("Slug", ApprovedToolSlug),
        new("Url", $"https://{ApprovedToolSlug}.example.org/"),
        new("Summary", "Keeps a council's spending ledger as open data."),
        new("Description", "**Quokka** publishes *every* payment over £500."),
        new("Kind", "software"),
        new("Cost", "free"),
        new("Open", "yes"),
        new("Publisher", "Example Trust"),
        new("Skills", "cleaning-data"),
        new("Personas", "sara"),
        new("PersonaWhy[sara]", "Sara can show where the money goes."),
        new("Action", "publish"),
    ];

    /// <summary>Signs in through the real form with a client that keeps no cookies, and returns the staff cookie it was given.</summary>
    public static async Task<string> SignInForCookieAsync(CatalogueAppFactory site, string email)
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = site.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        using var page = await client.GetAsync("/staff/sign-in", ct);
        var doc = await new HtmlParser().ParseDocumentAsync(await page.Content.ReadAsStringAsync(ct));
        var token = doc.QuerySelector($"main form input[name={FormPost.TokenField}]")!.GetAttribute("value")!;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/staff/sign-in")
        {
            Content = new FormUrlEncodedContent([new("Email", email), new("Password", TestData.StaffPassword), new(FormPost.TokenField, token)]),
        };
        request.Headers.Add("Cookie", CookieFrom(page, "antiforgery"));
        using var signedIn = await client.SendAsync(request, ct);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return CookieFrom(signedIn, "staff");
    }

    private static string CookieFrom(HttpResponseMessage response, string name) =>
        response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith(name + "=", StringComparison.Ordinal));

    public async ValueTask DisposeAsync()
    {
        await Source.DisposeAsync();
        if (TargetSite is not null)
        {
            await TargetSite.DisposeAsync();
            await TargetWithSecretsSite.DisposeAsync();
        }

        await Target.DisposeAsync();
        await TargetWithSecrets.DisposeAsync();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean from the temp folder.
        }

        GC.SuppressFinalize(this);
    }
}
