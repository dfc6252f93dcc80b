using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PersonaCatalogue.Core.Import;
using PersonaCatalogue.Web.Tests.Infrastructure;

namespace PersonaCatalogue.Web.Tests.Core.Import;

/// <summary>
/// What the importer records rather than reads: a tool's "added" is the time of the import that first brought it in
/// and no later import moves it; "last reviewed" comes only from a review date the file gives. Iterations without a
/// date and a licence that is not known are stored as such.
/// </summary>
public class SeedImportDatesTests(ClockedAppFactory app) : IClassFixture<ClockedAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<ImportReport> ImportAsync(string folder)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<SeedImporter>().ImportAsync(folder, cancellationToken: Ct);
    }

    private DateTime MoveClockOn(TimeSpan by)
    {
        var next = app.Clock.GetUtcNow().Add(by);
        next = next.AddTicks(-(next.Ticks % TimeSpan.TicksPerSecond));
        app.Clock.SetUtcNow(next);
        return next.UtcDateTime;
    }

    /// <summary>Each test adds a tool of its own (<paramref name="slug"/>), as the class shares one database.</summary>
    private static string WithNewTool(string folder, string slug, string extraFrontMatter = "")
    {
        File.WriteAllText(Path.Combine(folder, "tools", $"{slug}.md"), $"""
            ---
            slug: {slug}
            name: Puffin Sheets
            url: https://{slug}.example.org/
            summary: Spreadsheets for council teams.
            kind: software
            cost: free
            open: unknown
            publisher: Example Trust
            {extraFrontMatter}
            skills: [cleaning-data]
            personas:
              - persona: ida
                why: Ida can tidy tables with it.
            ---
            A spreadsheet tool.
            """);
        return folder;
    }

    [Fact]
    public async Task NewTool_IsAddedAtTheImportTime_NotReviewed_AndNotKnownLicence_AndReimportKeepsAdded()
    {
        var folder = WithNewTool(TestPaths.CopyOfSeedData(), "puffin-sheets");
        var firstImport = MoveClockOn(TimeSpan.FromDays(1));

        var report = await ImportAsync(folder);

        Assert.Contains("tool puffin-sheets", report.Added);
        await using var db = app.CreateDbContext();
        var tool = await db.Tools.AsNoTracking().SingleAsync(t => t.Slug == "puffin-sheets", Ct);
        Assert.Equal((firstImport, (DateTime?)null, (bool?)null), (tool.AddedAt, tool.LastReviewedAt, tool.IsOpen));

        // A later import of a changed file neither moves "added" nor counts as a review.
        File.WriteAllText(Path.Combine(folder, "tools", "puffin-sheets.md"),
            File.ReadAllText(Path.Combine(folder, "tools", "puffin-sheets.md")).Replace("Spreadsheets for council teams.", "Spreadsheets for busy council teams."));
        MoveClockOn(TimeSpan.FromDays(30));
        await ImportAsync(folder);

        db.ChangeTracker.Clear();
        tool = await db.Tools.AsNoTracking().SingleAsync(t => t.Slug == "puffin-sheets", Ct);
        Assert.Equal("Spreadsheets for busy council teams.", tool.Summary);
        Assert.Equal((firstImport, (DateTime?)null), (tool.AddedAt, tool.LastReviewedAt));
        var page = await app.GetDocumentAsync("/tools/puffin-sheets");
        var rows = page.QuerySelectorAll(".govuk-summary-list__row").ToDictionary(
            r => r.QuerySelector(".govuk-summary-list__key")!.TextContent.Trim(), r => r.QuerySelector(".govuk-summary-list__value")!.TextContent.Trim());
        Assert.Equal(("Not known", "Not reviewed yet", firstImport.ToString("d MMMM yyyy")),
            (rows["Open source or openly licensed"], rows["Last reviewed"], rows["Added to the catalogue"]));
    }

    [Fact]
    public async Task ReviewDateInTheFile_SetsLastReviewed()
    {
        var folder = WithNewTool(TestPaths.CopyOfSeedData(), "gannet-sheets", "last_reviewed: 2026-10-02");

        await ImportAsync(folder);

        await using var db = app.CreateDbContext();
        var tool = await db.Tools.AsNoTracking().SingleAsync(t => t.Slug == "gannet-sheets", Ct);
        Assert.Equal(new DateTime(2026, 10, 2, 0, 0, 0, DateTimeKind.Utc), tool.LastReviewedAt);
    }

    [Fact]
    public async Task ShippedPersonas_HaveNoInventedDates_AndThePageSaysNotRecorded()
    {
        await using var db = app.CreateDbContext();
        string[] shipped = ["alan", "chris", "ida", "pat", "sara"];
        var personas = await db.Personas.AsNoTracking().Include(p => p.Iterations).Where(p => shipped.Contains(p.Slug)).ToListAsync(Ct);
        Assert.Equal(5, personas.Count);

        Assert.All(personas, p =>
        {
            Assert.Null(p.LastReviewedOn);
            Assert.Equal([(1, (DateOnly?)null), (2, null), (3, new DateOnly(2018, 5, 10))], p.Iterations.OrderBy(i => i.Number).Select(i => (i.Number, i.PublishedOn)));
        });
        var page = await app.GetDocumentAsync("/personas/alan");
        var history = page.QuerySelector("section[aria-labelledby=history]")!;
        Assert.Contains("Last reviewed: not recorded.", history.TextContent);
        Assert.Equal(["Iteration 310 May 2018", "Iteration 2Date not recorded", "Iteration 1Date not recorded"],
            history.QuerySelectorAll(".govuk-summary-list__key").Select(k => k.TextContent.Trim()));
    }

    [Fact]
    public async Task IterationWithoutADate_IsImportedWithoutOne()
    {
        // A persona of this test's own (a copy of Chris under another slug): the class shares one database, and the
        // shipped personas must keep their three iterations for the other tests.
        var folder = TestPaths.CopyOfSeedData();
        var chris = File.ReadAllText(Path.Combine(folder, "personas", "chris.md"));
        File.WriteAllText(Path.Combine(folder, "personas", "christa.md"), chris
            .Replace("\nslug: chris\n", "\nslug: christa\n")
            .Replace("\nname: Chris\n", "\nname: Christa\n")
            .Replace("\niteration: 3\n", "\niteration: 4\n")
            .Replace("\nchanges:\n", "\nchanges:\n  - iteration: 4\n    notes: Reworded goals; nobody noted the day.\n"));

        await ImportAsync(folder);

        await using var db = app.CreateDbContext();
        var iteration = await db.PersonaIterations.AsNoTracking().SingleAsync(i => i.Persona.Slug == "christa" && i.Number == 4, Ct);
        Assert.Null(iteration.PublishedOn);
        Assert.Equal("Reworded goals; nobody noted the day.", iteration.ChangeNotes);
    }
}
