using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PersonaCatalogue.Core.Data.Entities;
using PersonaCatalogue.Core.Import;
using PersonaCatalogue.Web.Tests.Infrastructure;

namespace PersonaCatalogue.Web.Tests.Infrastructure.PageCaching;

/// <summary>
/// Public pages come from the output cache (a hit carries an Age header), and every change that affects a page
/// shows on the very next request, while pages the change does not touch stay cached.
/// </summary>
public class PageCachingTests(CatalogueAppFactory app) : IClassFixture<CatalogueAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> CachedPages =>
        ["/", "/personas", "/personas/sara", "/skills", "/skills/cleaning-data", "/tools", "/tools?q=data&page=1", "/search?q=data", "/about", "/support-needs/summary"];

    [Theory]
    [MemberData(nameof(CachedPages))]
    public async Task PublicPage_ComesFromTheCacheWithoutCookiesTokensOrStaffMarkup(string url)
    {
        List<CachedPage> pages = [];
        for (var request = 0; request < PageCaching.CachedPages.RequestsUntilCached(url); request++)
        {
            pages.Add(await app.GetPageAsync(url));
        }

        Assert.True(pages[^1].FromCache);
        foreach (var page in pages)
        {
            Assert.False(page.Response.Headers.Contains("Set-Cookie"), $"{url} set a cookie");
            Assert.DoesNotContain("__RequestVerificationToken", page.Html);
            Assert.DoesNotContain("Sign out", page.Html);
            Assert.DoesNotContain("Signed in as", page.Html);
        }
    }

    [Fact]
    public async Task PageWithAQueryString_IsStoredOnlyWhenAskedForASecondTime()
    {
        const string search = "/tools?q=ckan&sort=newest";
        const string accessibility = "/accessibility";

        var searchFirst = await app.GetPageAsync(search);
        var searchSecond = await app.GetPageAsync(search);
        var searchThird = await app.GetPageAsync(search);
        var accessibilityFirst = await app.GetPageAsync(accessibility);
        var accessibilitySecond = await app.GetPageAsync(accessibility);

        Assert.False(searchFirst.FromCache);
        Assert.False(searchSecond.FromCache, "a search was stored on its first request");
        Assert.True(searchThird.FromCache, "a search asked for twice was not stored");
        Assert.Equal(searchSecond.Html, searchThird.Html);
        Assert.False(accessibilityFirst.FromCache);
        Assert.True(accessibilitySecond.FromCache, "a page without a query string was not stored on its first request");
    }

    [Theory]
    [InlineData("/suggest-a-tool")]
    [InlineData("/personas/sara/feedback")]
    [InlineData("/staff/sign-in")]
    [InlineData("/tools/qgis")]
    [InlineData("/personas/suggest")]
    [InlineData("/support-needs")]
    public async Task PageWithAForm_IsNeverCached(string url)
    {
        var first = await app.GetPageAsync(url);
        var second = await app.GetPageAsync(url);

        Assert.Contains("__RequestVerificationToken", second.Html);
        Assert.False(first.FromCache || second.FromCache, $"{url} came from the cache");
    }

    [Fact]
    public async Task SignedInStaff_GetAFreshPage_AndTheirPageIsNeverServedToThepublic()
    {
        var (staff, email) = await app.SignedInClientAsync(StaffRoles.Moderator);
        const string url = "/tools?q=spreadsheet";

        // Twice, as a page with a query string is stored on its second request.
        await app.GetPageAsync(url, staff);
        var staffPage = await app.GetPageAsync(url, staff);
        var publicPage = await app.GetPageAsync(url);
        await app.PrimeAsync(url);
        var staffAgain = await app.GetPageAsync(url, staff);

        Assert.Contains($"Signed in as {email}", staffPage.Html);
        Assert.False(publicPage.FromCache, "the public got the page stored for a signed-in user");
        Assert.DoesNotContain("Signed in as", publicPage.Html);
        Assert.False(staffAgain.FromCache, "a signed-in user was served a cached page");
        Assert.Contains($"Signed in as {email}", staffAgain.Html);
    }

    // A waiting flash message (a real one, not any cookie named flash): CacheFloodTests.RealPendingFlashMessage_SkipsTheCache.

    [Fact]
    public async Task ApprovingASuggestion_ShowsTheToolOnEveryPageThatListsIt_AndLeavesOtherPagesCached()
    {
        var (client, _) = await app.SignedInClientAsync(StaffRoles.Moderator);
        var suggestion = await app.CreateSuggestionAsync(toolName: "Quokka Mapper");
        string[] affected = ["/", "/tools", "/tools?q=quokka", "/tools?persona=sara&skill=cleaning-data", "/search?q=quokka", "/personas/sara", "/skills", "/skills/cleaning-data"];
        string[] untouched = ["/personas/alan", "/skills/using-platforms", "/about"];
        await app.PrimeAsync([.. affected, .. untouched]);

        using var response = await client.PostFormAsync($"/staff/suggestions/{suggestion.Id}/approve",
        [
            new("Name", "Quokka Mapper"), new("Slug", "quokka-mapper"), new("Url", "https://quokka.example.org/"),
            new("Summary", "Quokka Mapper draws open data on maps."), new("Description", "Draws maps."),
            new("Kind", "software"), new("Cost", "free"), new("Open", "yes"), new("Publisher", "Example Trust"),
            new("Skills", "cleaning-data"), new("Personas", "sara"), new("PersonaWhy[sara]", "Sara can map her data."),
            new("Action", "publish"), new("version", suggestion.Version.ToString()),
        ]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        foreach (var url in affected)
        {
            var page = await app.GetPageAsync(url);
            Assert.False(page.FromCache, $"{url} was still cached");
            // The framework shows counts, the first page of all tools is alphabetical, and Sara's page lists her twenty
            // best tools (an untried one comes after them): the rest name the tool.
            Assert.True(url is "/skills" or "/tools" or "/personas/sara" || page.Html.Contains("Quokka Mapper", StringComparison.Ordinal), $"{url} does not show the new tool");
        }

        foreach (var url in untouched)
        {
            Assert.True((await app.GetPageAsync(url)).FromCache, $"{url} was evicted though the new tool is not on it");
        }
    }

    [Fact]
    public async Task EditingRetiringAndRestoringATool_ShowOnItsPersonaAndSkillPagesAtOnce()
    {
        var (client, _) = await app.SignedInClientAsync(StaffRoles.Moderator);
        string[] pages = ["/personas/ida", "/personas/pat", "/skills/governing-access", "/tools", "/search?q=ckan"];
        await app.PrimeAsync(pages);

        var fields = FormPost.With(await client.CurrentFieldsAsync("/staff/tools/ckan/edit"), "Name", "CKAN Renamed");
        using (var edited = await client.PostFormAsync("/staff/tools/ckan/edit", FormPost.With(fields, "Action", "save")))
        {
            Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        }

        foreach (var url in pages)
        {
            Assert.Contains("CKAN Renamed", (await app.GetPageAsync(url)).Html);
        }

        await app.PrimeAsync(pages);
        using (var retired = await client.PostFormAsync("/staff/tools/ckan/edit", [], "/staff/tools/ckan/retire"))
        {
            Assert.Equal(HttpStatusCode.Redirect, retired.StatusCode);
        }

        foreach (var url in pages)
        {
            Assert.DoesNotContain("CKAN Renamed", (await app.GetPageAsync(url)).Html);
        }

        // A restored tool comes back on pages that did not show it while it was retired.
        await app.PrimeAsync(pages);
        using (var restored = await client.PostFormAsync("/staff/tools/ckan/edit", [], "/staff/tools/ckan/restore"))
        {
            Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        }

        foreach (var url in pages)
        {
            Assert.Contains("CKAN Renamed", (await app.GetPageAsync(url)).Html);
        }
    }

    [Fact]
    public async Task ImportingSeedData_ShowsTheChangeAtOnce()
    {
        var folder = TestPaths.CopyOfSeedData();
        var persona = Path.Combine(folder, "personas", "chris.md");
        var text = await File.ReadAllTextAsync(persona, Ct);
        var summary = text.Split('\n').Single(line => line.StartsWith("summary: ", StringComparison.Ordinal));
        await File.WriteAllTextAsync(persona, text
            .Replace(summary, "summary: Chris now reads a summary written for this test.")
            .Replace("role: Chief executive", "role: Chief executive for this test"), Ct);
        await app.PrimeAsync("/", "/personas", "/personas/chris", "/tools");

        using (var scope = app.Services.CreateScope())
        {
            var report = await scope.ServiceProvider.GetRequiredService<SeedImporter>().ImportAsync(folder, cancellationToken: Ct);
            Assert.NotEmpty(report.Changed);
        }

        foreach (var url in new[] { "/", "/personas", "/personas/chris" })
        {
            Assert.Contains("Chris now reads a summary written for this test.", (await app.GetPageAsync(url)).Html);
        }

        // The tools list's filter options are kept in memory apart from the page cache, and expire with it.
        Assert.Contains("Chris, Chief executive for this test", (await app.GetPageAsync("/tools")).Html);
    }

    [Fact]
    public async Task PersonaFeedback_ArrivingMarkedSpamAndPublished_ShowsOnThePersonaPageAtOnce()
    {
        var persona = await app.CreatePersonaAsync();
        var other = await app.CreatePersonaAsync();
        var (staff, _) = await app.SignedInClientAsync(StaffRoles.Moderator);
        await app.PrimeAsync($"/personas/{persona.Slug}", $"/personas/{other.Slug}", "/tools");

        using var client = app.CreateBrowserLikeClient();
        using (var sent = await client.PostFormAsync($"/personas/{persona.Slug}/feedback",
            [new("Usefulness", "very"), new("RightPeople", "yes"), new("MissingOrWrong", "A comment about wombats."), new("Publish", "yes")]))
        {
            Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        }

        Assert.Contains("1 person has answered", (await app.GetPageAsync($"/personas/{persona.Slug}")).Html);
        Assert.True((await app.GetPageAsync($"/personas/{other.Slug}")).FromCache, "feedback on one persona evicted another's page");
        Assert.True((await app.GetPageAsync("/tools")).FromCache, "feedback evicted the tools list");

        int id;
        await using (var db = app.CreateDbContext())
        {
            id = await db.PersonaFeedback.Where(f => f.PersonaId == persona.Id).Select(f => f.Id).SingleAsync(Ct);
        }

        await app.PrimeAsync($"/personas/{persona.Slug}");
        using (var published = await staff.PostFormAsync("/staff/feedback", [], $"/staff/feedback/{id}/publish"))
        {
            Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        }

        Assert.Contains("A comment about wombats.", (await app.GetPageAsync($"/personas/{persona.Slug}")).Html);

        await app.PrimeAsync($"/personas/{persona.Slug}");
        using (var spam = await staff.PostFormAsync("/staff/feedback", [], $"/staff/feedback/{id}/spam"))
        {
            Assert.Equal(HttpStatusCode.Redirect, spam.StatusCode);
        }

        var afterSpam = await app.GetPageAsync($"/personas/{persona.Slug}");
        Assert.Contains("Nobody has given feedback on this iteration yet.", afterSpam.Html);
        Assert.DoesNotContain("A comment about wombats.", afterSpam.Html);
    }

    [Fact]
    public async Task TriageThatShowsNowhere_LeavesThePersonaPageCached()
    {
        var persona = await app.CreatePersonaAsync();
        var feedback = await app.CreatePersonaFeedbackAsync(persona);
        var (staff, _) = await app.SignedInClientAsync(StaffRoles.Moderator);
        await app.PrimeAsync($"/personas/{persona.Slug}");

        using var reviewed = await staff.PostFormAsync("/staff/feedback", [], $"/staff/feedback/{feedback.Id}/review");

        Assert.Equal(HttpStatusCode.Redirect, reviewed.StatusCode);
        Assert.True((await app.GetPageAsync($"/personas/{persona.Slug}")).FromCache);
    }
}

/// <summary>The import command runs in another process; the site notices its audit event and evicts every page.</summary>
public class ImportFromTheCommandLineTests(ImportFromTheCommandLineTests.App app) : IClassFixture<ImportFromTheCommandLineTests.App>
{
    public class App : CatalogueAppFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["OutputCache:ImportCheckSeconds"] = "1" };
    }

    [Fact]
    public async Task ImportCommand_AgainstTheRunningSitesDatabase_ShowsOnItsCachedPagesWithinSeconds()
    {
        var folder = TestPaths.CopyOfSeedData();
        var persona = Path.Combine(folder, "personas", "pat.md");
        var text = await File.ReadAllTextAsync(persona, TestContext.Current.CancellationToken);
        var summary = text.Split('\n').Single(line => line.StartsWith("summary: ", StringComparison.Ordinal));
        await File.WriteAllTextAsync(persona, text
            .Replace(summary, "summary: Pat's summary, changed from the command line.")
            .Replace("role: Policy officer (compliance)", "role: Policy officer, from the command line"), TestContext.Current.CancellationToken);
        using var client = app.CreateBrowserLikeClient();
        await client.GetStringAsync("/personas/pat", TestContext.Current.CancellationToken);
        await client.GetStringAsync("/tools", TestContext.Current.CancellationToken);
        using (var cached = await client.GetAsync("/personas/pat", TestContext.Current.CancellationToken))
        {
            Assert.NotNull(cached.Headers.Age);
        }

        var result = await CommandLineProcess.RunAsync(folder, app.DatabaseSettings, "import", folder);
        Assert.True(result.ExitCode == 0, result.Error);

        // The watcher checks every second here; give it generous time on a loaded machine, but no more.
        var shown = false;
        for (var attempt = 0; attempt < 60 && !shown; attempt++)
        {
            shown = (await client.GetStringAsync("/personas/pat", TestContext.Current.CancellationToken)).Contains("changed from the command line", StringComparison.Ordinal);
            if (!shown)
            {
                await Task.Delay(500, TestContext.Current.CancellationToken);
            }
        }

        Assert.True(shown, "the persona page still showed the old summary 30 s after the import");
        // The filter options, kept in memory apart from the page cache, expire when the watcher evicts every page.
        Assert.Contains("Pat, Policy officer, from the command line", await client.GetStringAsync("/tools", TestContext.Current.CancellationToken));
    }
}
