using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PersonaCatalogue.Core.Data.Entities;
using PersonaCatalogue.Web.Infrastructure.PageCaching;
using PersonaCatalogue.Web.Tests.Infrastructure;

namespace PersonaCatalogue.Web.Tests.Infrastructure.PageCaching;

/// <summary>
/// The published tool counts on the skills framework, the home page and the unfiltered tools list are kept in memory
/// apart from the page cache; a change that evicts those pages shows in their counts at once, whether it was made in
/// this process or in another instance sharing the database and the page cache.
/// </summary>
public partial class ToolCountsCachingTests(CatalogueAppFactory app) : IClassFixture<CatalogueAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string[] _pages = ["/", "/skills", "/tools"];

    private sealed record Counts(int Home, int CleaningData, int ToolsList);

    private async Task<Counts> CountsAsync()
    {
        var home = (await app.GetPageAsync("/")).Html;
        var skills = new HtmlParser().ParseDocument((await app.GetPageAsync("/skills")).Html);
        var tools = (await app.GetPageAsync("/tools")).Html;
        var row = skills.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("th")!.TextContent.Trim() == "Cleaning data");
        return new Counts(
            int.Parse(HomeCount().Match(home).Groups[1].Value, CultureInfo.InvariantCulture),
            int.Parse(row.QuerySelectorAll("td")[1].TextContent.Trim(), CultureInfo.InvariantCulture),
            int.Parse(ToolsListCount().Match(tools).Groups[1].Value, CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task ApprovingThenRetiringATool_ChangesTheCountsOnTheFrameworkHomeAndToolsList()
    {
        var (client, _) = await app.SignedInClientAsync(StaffRoles.Moderator);
        var suggestion = await app.CreateSuggestionAsync(toolName: "Wombat Counter");
        var before = await CountsAsync();
        await app.PrimeAsync(_pages);

        using (var approved = await client.PostFormAsync($"/staff/suggestions/{suggestion.Id}/approve",
        [
            new("Name", "Wombat Counter"), new("Slug", "wombat-counter"), new("Url", "https://wombat.example.org/"),
            new("Summary", "Wombat Counter counts rows in open data."), new("Description", "Counts rows."),
            new("Kind", "software"), new("Cost", "free"), new("Open", "yes"), new("Publisher", "Example Trust"),
            new("Skills", "cleaning-data"), new("Personas", "sara"), new("PersonaWhy[sara]", "Sara counts her rows."),
            new("Action", "publish"), new("version", suggestion.Version.ToString()),
        ]))
        {
            Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        }

        Assert.Equal(new Counts(before.Home + 1, before.CleaningData + 1, before.ToolsList + 1), await CountsAsync());

        await app.PrimeAsync(_pages);
        using (var retired = await client.PostFormAsync("/staff/tools/wombat-counter/edit", [], "/staff/tools/wombat-counter/retire"))
        {
            Assert.Equal(HttpStatusCode.Redirect, retired.StatusCode);
        }

        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task AToolLinkedByAnotherInstance_IsCountedOnceItsEvictionReachesTheSharedCache()
    {
        var before = await CountsAsync();
        await app.PrimeAsync(_pages);

        // Another instance's change, written without this process's SaveChanges (so nothing here hears of it): a
        // published tool linked to the skill, audited in the same transaction as every staff change to a tool is.
        await using (var db = app.CreateDbContext())
        {
            var slug = TestData.Unique("elsewhere");
            var skillId = await db.Skills.Where(s => s.Slug == "cleaning-data").Select(s => s.Id).SingleAsync(Ct);
            var now = DateTime.UtcNow;
            await using var transaction = await db.Database.BeginTransactionAsync(Ct);
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "Tools" ("Slug", "Name", "Url", "NormalisedUrl", "Summary", "Description", "Kind", "Cost", "Publisher", "Status", "AddedAt", "Source")
                VALUES ({slug}, {"Made elsewhere " + slug}, {"https://" + slug + ".example.org/"}, {slug + ".example.org"}, 'Added by another instance.', 'Added.', 'Software', 'Free', '', 'Published', {now}, 'seed-data')
                """, Ct);
            var toolId = await db.Tools.Where(t => t.Slug == slug).Select(t => t.Id).SingleAsync(Ct);
            await db.Database.ExecuteSqlAsync($"""INSERT INTO "ToolSkills" ("ToolId", "SkillId") VALUES ({toolId}, {skillId})""", Ct);
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "AuditEvents" ("At", "UserId", "UserEmail", "Action", "TargetType", "TargetKey", "Details")
                VALUES ({now}, '', 'moderator@example.org', 'tool.edited', 'tool', {slug}, {"{}"})
                """, Ct);
            await transaction.CommitAsync(Ct);
        }

        // The other instance evicts the shared cache's pages by the same tags.
        await app.Services.GetRequiredService<PageCache>().EvictAsync(["home", "skills", "tools"], Ct);

        Assert.Equal(new Counts(before.Home + 1, before.CleaningData + 1, before.ToolsList + 1), await CountsAsync());
    }

    [GeneratedRegex(@"tools list</a> has (\d+) tools")]
    private static partial Regex HomeCount();

    [GeneratedRegex(@"of (\d+) tools")]
    private static partial Regex ToolsListCount();
}
