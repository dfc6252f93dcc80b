using System.Net;
using Microsoft.EntityFrameworkCore;
using PersonaCatalogue.Core.Data.Entities;
using PersonaCatalogue.Web.Tests.Infrastructure;

namespace PersonaCatalogue.Web.Tests.Features.Staff;

public class ModerationTests(CatalogueAppFactory app) : IClassFixture<CatalogueAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static List<KeyValuePair<string, string>> ToolFields(string name, string slug, string action = "publish") =>
    [
        new("Name", name),
        new("Slug", slug),
        new("Url", $"https://{slug}.example.org/"),
        new("Summary", $"{name} turns messy spreadsheets into tidy open data."),
        new("Description", $"**{name}** is a free tool for councils."),
        new("Kind", "software"),
        new("Cost", "free"),
        new("Open", "yes"),
        new("Publisher", "Example Trust"),
        new("Skills", "cleaning-data"),
        new("Skills", "designing-services"),
        new("Personas", "sara"),
        new("PersonaWhy[sara]", "Sara can show her team cleaner data quickly."),
        new("Action", action),
    ];

    private static async Task<HttpResponseMessage> ApproveAsync(HttpClient client, ToolSuggestion suggestion, IEnumerable<KeyValuePair<string, string>> fields) =>
        await client.PostFormAsync($"/staff/suggestions/{suggestion.Id}/approve", fields.Append(new("version", suggestion.Version.ToString())));

    [Fact]
    public async Task Approve_PublishesTheToolEverywhereAtOnce()
    {
        var (client, email) = await app.SignedInClientAsync(StaffRoles.Moderator);
        var suggestion = await app.CreateSuggestionAsync(toolName: "Zebrafinch Cleaner");

        using var response = await ApproveAsync(client, suggestion, ToolFields("Zebrafinch Cleaner", "zebrafinch-cleaner"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/staff/suggestions/{suggestion.Id}", response.Headers.Location!.OriginalString);
        using var review = await client.GetAsync(response.Headers.Location, Ct);
        Assert.Contains("Zebrafinch Cleaner is published", (await CatalogueAppFactory.ParseAsync(review)).QuerySelector(".govuk-notification-banner")!.TextContent);

        await using var db = app.CreateDbContext();
        var tool = await db.Tools.Include(t => t.Personas).Include(t => t.Skills).SingleAsync(t => t.Slug == "zebrafinch-cleaner", Ct);
        Assert.Equal(suggestion.Reference, tool.Source);
        Assert.Equal(ToolStatus.Published, tool.Status);
        Assert.Equal(2, tool.Skills.Count);
        var stored = await db.ToolSuggestions.SingleAsync(s => s.Id == suggestion.Id, Ct);
        Assert.Equal(SuggestionStatus.Approved, stored.Status);
        Assert.Equal(tool.Id, stored.ToolId);
        Assert.Equal(email, stored.DecidedBy);

        Assert.NotNull((await app.GetDocumentAsync("/tools?q=zebrafinch")).QuerySelector("a[href='/tools/zebrafinch-cleaner']"));
        Assert.NotNull((await app.GetDocumentAsync("/tools?persona=sara&skill=cleaning-data")).QuerySelector("a[href='/tools/zebrafinch-cleaner']"));
        Assert.NotNull((await app.GetDocumentAsync("/search?q=zebrafinch")).QuerySelector("a[href='/tools/zebrafinch-cleaner']"));
        // Sara's page lists her twenty best tools (an untried one comes after them, by name) and counts all of them,
        // the new one included.
        var sara = await app.GetDocumentAsync("/personas/sara");
        var saraTools = await db.PersonaTools.CountAsync(pt => pt.Persona.Slug == "sara" && pt.Tool.Status == ToolStatus.Published, Ct);
        Assert.True(await db.PersonaTools.AnyAsync(pt => pt.Persona.Slug == "sara" && pt.Tool.Slug == "zebrafinch-cleaner", Ct));
        Assert.Contains($"See all {saraTools} tools recommended for Sara", sara.QuerySelector("section[aria-labelledby=tools]")!.TextContent);
        Assert.NotNull((await app.GetDocumentAsync("/skills/cleaning-data")).QuerySelector("a[href='/tools/zebrafinch-cleaner']"));
        var page = await app.GetDocumentAsync("/tools/zebrafinch-cleaner");
        Assert.Equal("Zebrafinch Cleaner", page.QuerySelector(".app-prose strong")!.TextContent);
        Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == "suggestion.approved" && e.TargetKey == suggestion.Reference && e.UserEmail == email, Ct));
        Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == "tool.published" && e.TargetKey == "zebrafinch-cleaner", Ct));
    }

    [Fact]
    public async Task Approve_FormIsPrefilledFromTheSuggestion()
    {
        var (client, _) = await app.SignedInClientAsync(StaffRoles.Moderator);
        var suggestion = await app.CreateSuggestionAsync(toolName: "Open Bins Map", url: "https://bins.example.org/map", personas: ["alan", "ida"], skills: ["visualising-data"]);

        var doc = await CatalogueAppFactory.ParseAsync(await client.GetAsync($"/staff/suggestions/{suggestion.Id}/approve", Ct));

        Assert.Equal("Open Bins Map", doc.QuerySelector("#Name")!.GetAttribute("value"));
        Assert.Equal("open-bins-map", doc.QuerySelector("#Slug")!.GetAttribute("value"));
        Assert.Equal("https://bins.example.org/map", doc.QuerySelector("#Url")!.GetAttribute("value"));
        Assert.NotNull(doc.QuerySelector("input[name=Personas][value=alan][checked]"));
        Assert.NotNull(doc.QuerySelector("input[name=Personas][value=ida][checked]"));
        Assert.Null(doc.QuerySelector("input[name=Personas][value=sara][checked]"));
        Assert.NotNull(doc.QuerySelector("input[name=Skills][value=visualising-data][checked]"));
        Assert.NotNull(doc.QuerySelector("input[name=Cost][value=free][checked]"));
    }

    [Fact]
    public async Task Approve_InvalidForm_ShowsErrorsAndKeepsEveryAnswer()
    {
        var (client, _) = await app.SignedInClientAsync(StaffRoles.Moderator);
        var suggestion = await app.CreateSuggestionAsync();
        var fields = ToolFields("Kept Name", "csvlint").Where(f => f.Key is not ("Kind" or "PersonaWhy[sara]")).ToList();
        fields.Add(new("Url", "javascript:alert(1)"));
        fields.RemoveAll(f => f.Key == "Url" && f.Value.StartsWith("https"));

        using var response = await ApproveAsync(client, suggestion, fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var doc = await CatalogueAppFactory.ParseAsync(response);
        Assert.StartsWith("Error: ", doc.Title);
        var summary = doc.QuerySelectorAll(".govuk-error-summary__list a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("#Slug", summary);
        Assert.Contains("#Url", summary);
        Assert.Contains("#Kind", summary);
        Assert.Contains("#PersonaWhy[sara]", summary);
        Assert.Contains("Another tool already uses this address", doc.QuerySelector("#Slug-error")!.TextContent);
        Assert.Equal("Kept Name", doc.QuerySelector("#Name")!.GetAttribute("value"));
        Assert.Equal("Example Trust", doc.QuerySelector("#Publisher")!.GetAttribute("value"));
        Assert.NotNull(doc.QuerySelector("input[name=Skills][value=cleaning-data][checked]"));
        Assert.NotNull(doc.QuerySelector("input[name=Open][value=yes][checked]"));
        await using var db = app.CreateDbContext();
        Assert.Equal(SuggestionStatus.Submitted, (await db.ToolSuggestions.SingleAsync(s => s.Id == suggestion.Id, Ct)).Status);
    }

    [Fact]
    public async Task Approve_Preview_RendersTheDescriptionWithoutPublishing()
    {
        var (client, _) = await app.SignedInClientAsync(StaffRoles.Moderator);
        var suggestion = await app.CreateSuggestionAsync();

        using var response = await ApproveAsync(client, suggestion, ToolFields("Preview Tool", "preview-tool", action: "preview"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = await CatalogueAppFactory.ParseAsync(response);
        Assert.Equal("Preview Tool", doc.QuerySelector(".govuk-inset-text .app-prose strong")!.TextContent);
        await using var db = app.CreateDbContext();
        Assert.False(await db.Tools.AnyAsync(t => t.Slug == "preview-tool", Ct));
    }

    [Fact]
    public async Task Approve_TwoModeratorsAtOnce_PublishExactlyOneTool()
    {
        var (first, _) = await app.SignedInClientAsync(StaffRoles.Moderator);
        var (second, _) = await app.SignedInClientAsync(StaffRoles.Moderator);
        var suggestion = await app.CreateSuggestionAsync(toolName: "Race Tool");
        var tokens = await Task.WhenAll(
            first.GetAntiforgeryTokenAsync($"/staff/suggestions/{suggestion.Id}/approve"),
            second.GetAntiforgeryTokenAsync($"/staff/suggestions/{suggestion.Id}/approve"));

        HttpContent Form(string token, string slug) => new FormUrlEncodedContent(
            ToolFields("Race Tool", slug).Append(new("version", suggestion.Version.ToString())).Append(new(FormPost.TokenField, token)));
        var responses = await Task.WhenAll(
            first.PostAsync($"/staff/suggestions/{suggestion.Id}/approve", Form(tokens[0], "race-tool-a"), Ct),
            second.PostAsync($"/staff/suggestions/{suggestion.Id}/approve", Form(tokens[1], "race-tool-b"), Ct));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Redirect);
        var loser = Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Conflict);
        var loserPage = await CatalogueAppFactory.ParseAsync(loser);
        Assert.Equal("This suggestion has already been decided", loserPage.QuerySelector("h1")!.TextContent.Trim());
        await using var db = app.CreateDbContext();
        var decided = await db.ToolSuggestions.SingleAsync(s => s.Id == suggestion.Id, Ct);
        Assert.Contains(decided.DecidedBy!, loserPage.QuerySelector("#decided-by")!.TextContent);
        Assert.Equal(1, await db.Tools.CountAsync(t => t.Source == suggestion.Reference, Ct));
        Assert.Equal(1, await db.AuditEvents.CountAsync(e => e.Action == "suggestion.approved" && e.TargetKey == suggestion.Reference, Ct));
    }

    [Fact]
    public async Task Reject_WithStalePage_TellsWhoDecided()
    {
        var (first, firstEmail) = await app.SignedInClientAsync(StaffRoles.Moderator);
        var (second, _) = await app.SignedInClientAsync(StaffRoles.Moderator);
        var suggestion = await app.CreateSuggestionAsync();
        var staleToken = await second.GetAntiforgeryTokenAsync($"/staff/suggestions/{suggestion.Id}");

        using var won = await first.PostFormAsync($"/staff/suggestions/{suggestion.Id}", [new("Version", suggestion.Version.ToString()), new("Reason", "Not about open data")], $"/staff/suggestions/{suggestion.Id}/reject");
        using var lost = await second.PostAsync($"/staff/suggestions/{suggestion.Id}/duplicate",
            new FormUrlEncodedContent([new("Version", suggestion.Version.ToString()), new("ToolSlug", "csvlint"), new(FormPost.TokenField, staleToken)]), Ct);

        Assert.Equal(HttpStatusCode.Redirect, won.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, lost.StatusCode);
        Assert.Contains(firstEmail, (await CatalogueAppFactory.ParseAsync(lost)).QuerySelector("#decided-by")!.TextContent);
        await using var db = app.CreateDbContext();
        Assert.Equal(SuggestionStatus.Rejected, (await db.ToolSuggestions.SingleAsync(s => s.Id == suggestion.Id, Ct)).Status);
    }

    [Fact]
    public async Task Reject_StoresTheReasonForTheSuggester()
    {
        var (client, email) = await app.SignedInClientAsync(StaffRoles.Moderator);
        var suggestion = await app.CreateSuggestionAsync();

        using var response = await client.PostFormAsync($"/staff/suggestions/{suggestion.Id}",
            [new("Version", suggestion.Version.ToString()), new("Reason", "It is an advert, not a tool.")], $"/staff/suggestions/{suggestion.Id}/reject");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = app.CreateDbContext();
        var stored = await db.ToolSuggestions.SingleAsync(s => s.Id == suggestion.Id, Ct);
        Assert.Equal(SuggestionStatus.Rejected, stored.Status);
        Assert.Equal("It is an advert, not a tool.", stored.Reason);
        Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == "suggestion.rejected" && e.UserEmail == email && e.Details.Contains("advert"), Ct));
    }

    [Fact]
    public async Task Reject_WithoutReason_ShowsTheError()
    {
        var (client, _) = await app.SignedInClientAsync(StaffRoles.Moderator);
        var suggestion = await app.CreateSuggestionAsync();

        using var response = await client.PostFormAsync($"/staff/suggestions/{suggestion.Id}",
            [new("Version", suggestion.Version.ToString()), new("Reason", "   ")], $"/staff/suggestions/{suggestion.Id}/reject");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var doc = await CatalogueAppFactory.ParseAsync(response);
        Assert.Contains("Enter the reason", doc.QuerySelector("#Reason-error")!.TextContent);
        Assert.Equal(suggestion.Version.ToString(), doc.QuerySelector("form[action$=reject] input[name=Version]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Duplicate_LinksTheExistingTool()
    {
        var (client, _) = await app.SignedInClientAsync(StaffRoles.Moderator);
        var suggestion = await app.CreateSuggestionAsync(toolName: "CSV Lint", url: "https://csvlint.io");

        var review = await CatalogueAppFactory.ParseAsync(await client.GetAsync($"/staff/suggestions/{suggestion.Id}", Ct));
        Assert.Contains(review.QuerySelectorAll(".app-duplicate-flags a"), a => a.GetAttribute("href") == "/tools/csvlint");
        Assert.Equal("csvlint", review.QuerySelector("#ToolSlug")!.GetAttribute("value"));

        using var response = await client.PostFormAsync($"/staff/suggestions/{suggestion.Id}",
            [new("Version", suggestion.Version.ToString()), new("ToolSlug", "csvlint")], $"/staff/suggestions/{suggestion.Id}/duplicate");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = app.CreateDbContext();
        var stored = await db.ToolSuggestions.Include(s => s.Tool).SingleAsync(s => s.Id == suggestion.Id, Ct);
        Assert.Equal(SuggestionStatus.Duplicate, stored.Status);
        Assert.Equal("csvlint", stored.Tool!.Slug);
    }

    [Fact]
    public async Task Duplicate_UnknownTool_ShowsTheError()
    {
        var (client, _) = await app.SignedInClientAsync(StaffRoles.Moderator);
        var suggestion = await app.CreateSuggestionAsync();

        using var response = await client.PostFormAsync($"/staff/suggestions/{suggestion.Id}",
            [new("Version", suggestion.Version.ToString()), new("ToolSlug", "no-such-tool")], $"/staff/suggestions/{suggestion.Id}/duplicate");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("There is no tool with that address", (await CatalogueAppFactory.ParseAsync(response)).QuerySelector("#ToolSlug-error")!.TextContent);
    }

    [Fact]
    public async Task Queue_FlagsPossibleDuplicatesAndOldSuggestions()
    {
        var (client, _) = await app.SignedInClientAsync(StaffRoles.Moderator);
        var byUrl = await app.CreateSuggestionAsync(toolName: "Something new", url: "http://www.qgis.org/", createdAt: DateTime.UtcNow.AddDays(-20));
        var byName = await app.CreateSuggestionAsync(toolName: "Open Refine", url: "https://example.org/refine");
        var twinA = await app.CreateSuggestionAsync(toolName: "Twin A", url: "https://twins.example.org/a");
        var twinB = await app.CreateSuggestionAsync(toolName: "Twin B", url: "https://twins.example.org/a/");
        var clean = await app.CreateSuggestionAsync(toolName: "Entirely Unique Thing", url: "https://unique.example.org/");

        var doc = await CatalogueAppFactory.ParseAsync(await client.GetAsync("/staff/suggestions", Ct));

        string Flags(ToolSuggestion s) => doc.QuerySelectorAll(".app-queue-row").Single(r => r.QuerySelector("td a")!.GetAttribute("href") == $"/staff/suggestions/{s.Id}").TextContent;
        Assert.Contains("Same web address as the tool QGIS", Flags(byUrl));
        Assert.Contains("Over 14 days", Flags(byUrl));
        Assert.Contains("Name like the tool OpenRefine", Flags(byName));
        Assert.Contains($"Same web address as suggestion {twinB.Reference}", Flags(twinA));
        Assert.Contains($"Same web address as suggestion {twinA.Reference}", Flags(twinB));
        Assert.Contains("None found", Flags(clean));
        // Oldest first: the 20-day-old suggestion comes before the ones made just now (other tests here may add older ones).
        var order = doc.QuerySelectorAll(".app-queue-row").Select(r => r.QuerySelector("td a")!.GetAttribute("href")).ToList();
        Assert.True(order.IndexOf($"/staff/suggestions/{byUrl.Id}") < order.IndexOf($"/staff/suggestions/{byName.Id}"));
        Assert.True(order.IndexOf($"/staff/suggestions/{byName.Id}") < order.IndexOf($"/staff/suggestions/{clean.Id}"));
    }

    [Fact]
    public async Task Review_ShowsWhatThePublicTypedAsPlainText()
    {
        var (client, _) = await app.SignedInClientAsync(StaffRoles.Moderator);
        var suggestion = await app.CreateSuggestionAsync(toolName: "<b>Bold</b> tool", whatItDoes: "<script>alert(1)</script> **not markdown** [x](javascript:alert(2))");

        var doc = await CatalogueAppFactory.ParseAsync(await client.GetAsync($"/staff/suggestions/{suggestion.Id}", Ct));

        Assert.Empty(doc.QuerySelectorAll("main script, main b, main dd strong, main dd a"));
        Assert.Contains("<script>alert(1)</script> **not markdown**", doc.QuerySelector("main")!.TextContent);
        Assert.Equal("<b>Bold</b> tool", doc.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task Dashboard_CountsWaitingSuggestionsOldestFirst()
    {
        var (client, _) = await app.SignedInClientAsync(StaffRoles.Moderator);
        var old = await app.CreateSuggestionAsync(createdAt: DateTime.UtcNow.AddDays(-30));
        await using var db = app.CreateDbContext();
        var waiting = await db.ToolSuggestions.CountAsync(s => s.Status == SuggestionStatus.Submitted, Ct);

        var doc = await CatalogueAppFactory.ParseAsync(await client.GetAsync("/staff", Ct));

        Assert.StartsWith($"{waiting} waiting", doc.QuerySelector("#waiting-count")!.TextContent.Trim());
        Assert.Equal($"/staff/suggestions/{old.Id}", doc.QuerySelector("tbody a")!.GetAttribute("href"));
        Assert.Contains("Over 14 days", doc.QuerySelector("tbody tr")!.TextContent);
    }
}
