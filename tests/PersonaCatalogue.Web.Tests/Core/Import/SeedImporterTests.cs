using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PersonaCatalogue.Core.Data;
using PersonaCatalogue.Core.Data.Entities;
using PersonaCatalogue.Core.Import;
using PersonaCatalogue.Web.Tests.Infrastructure;

namespace PersonaCatalogue.Web.Tests.Core.Import;

public class SeedImporterTests(CatalogueAppFactory app) : IClassFixture<CatalogueAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<ImportReport> ImportAsync(string folder)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<SeedImporter>().ImportAsync(folder, cancellationToken: Ct);
    }

    [Fact]
    public async Task FirstStart_ImportedTheShippedSeedDataCompletely()
    {
        await using var db = app.CreateDbContext();

        Assert.Equal(6, await db.SkillAreas.CountAsync(Ct));
        Assert.Equal(27, await db.Skills.CountAsync(Ct));
        Assert.Equal(["awareness", "practitioner"], await db.SkillLevels.OrderBy(l => l.Order).Select(l => l.Slug).ToListAsync(Ct));
        Assert.Equal(["alan", "chris", "ida", "pat", "sara"], await db.Personas.OrderBy(p => p.Slug).Select(p => p.Slug).ToListAsync(Ct));
        Assert.True(await db.Tools.CountAsync(Ct) >= 30);
        Assert.False(await db.Tools.AnyAsync(t => !t.Personas.Any(), Ct), "every tool links to at least one persona");
        Assert.False(await db.Tools.AnyAsync(t => !t.Skills.Any(), Ct), "every tool supports at least one skill");
        Assert.False(await db.Personas.AnyAsync(p => !p.Iterations.Any(i => i.Number == p.Iteration), Ct), "every persona's iteration has change notes");
        Assert.Equal(5, await db.Tools.CountAsync(t => new[] { "data-ethics-canvas", "data-ecosystem-mapping-tool", "csvlint", "open-data-certificates", "data-and-public-services-toolkit" }.Contains(t.Slug), Ct));
    }

    [Fact]
    public async Task Import_SameFilesAgain_ChangesNothing()
    {
        await using var db = app.CreateDbContext();
        var before = await SnapshotAsync(db);

        var report = await ImportAsync(TestPaths.SeedData);

        Assert.True(report.NothingChanged, "second import reported: " + string.Join("; ", report.Added.Concat(report.Changed)));
        db.ChangeTracker.Clear();
        Assert.Equal(before, await SnapshotAsync(db));
    }

    [Fact]
    public async Task Import_ChangedFile_UpdatesAndReportsIt_AndKeepsModeratedContent()
    {
        var folder = TestPaths.CopyOfSeedData();
        var file = Path.Combine(folder, "tools", "qgis.md");
        File.WriteAllText(file, File.ReadAllText(file).Replace("\nname: QGIS\n", "\nname: QGIS Desktop\n"));

        await using var db = app.CreateDbContext();
        var moderated = new Tool
        {
            Slug = "moderated-tool",
            Name = "A moderated tool",
            Url = "https://example.org/",
            Summary = "Added by a moderator",
            Kind = ToolKind.Software,
            Cost = ToolCost.Free,
            Source = "TS-ABCDE",
            AddedAt = DateTime.UtcNow,
            LastReviewedAt = DateTime.UtcNow,
        };
        db.Tools.Add(moderated);
        var retired = await db.Tools.SingleAsync(t => t.Slug == "miro", Ct);
        retired.Status = ToolStatus.Retired;
        await db.SaveChangesAsync(Ct);

        var report = await ImportAsync(folder);

        Assert.Contains(report.Changed, line => line.StartsWith("tool qgis (") && line.Contains("Name"));
        Assert.Empty(report.Added);
        db.ChangeTracker.Clear();
        Assert.Equal("QGIS Desktop", (await db.Tools.SingleAsync(t => t.Slug == "qgis", Ct)).Name);
        Assert.True(await db.Tools.AnyAsync(t => t.Slug == "moderated-tool", Ct));
        Assert.Equal(ToolStatus.Retired, (await db.Tools.SingleAsync(t => t.Slug == "miro", Ct)).Status);

        // Put the shared fixture back as it was for the other tests in this class.
        await ImportAsync(TestPaths.SeedData);
        var miro = await db.Tools.SingleAsync(t => t.Slug == "miro", Ct);
        miro.Status = ToolStatus.Published;
        db.Tools.Remove(await db.Tools.SingleAsync(t => t.Slug == "moderated-tool", Ct));
        await db.SaveChangesAsync(Ct);
    }

    [Fact]
    public async Task Import_NewIteration_AddsItsHistoryEntry()
    {
        var folder = TestPaths.CopyOfSeedData();
        var file = Path.Combine(folder, "personas", "pat.md");
        var text = File.ReadAllText(file)
            .Replace("\niteration: 3\n", "\niteration: 4\n")
            .Replace("\nchanges:\n", "\nchanges:\n  - iteration: 4\n    date: 2026-11-20\n    notes: Added compliance with the accessibility regulations, as feedback asked.\n");
        File.WriteAllText(file, text);

        var report = await ImportAsync(folder);

        Assert.Contains("persona pat (Iteration)", report.Changed);
        var doc = await app.GetDocumentAsync("/personas/pat");
        Assert.StartsWith("Iteration 4", doc.QuerySelector("section[aria-labelledby=history] .govuk-summary-list__key")!.TextContent.Trim());
        await ImportAsync(TestPaths.SeedData);
    }

    private static async Task<string> SnapshotAsync(CatalogueDbContext db)
    {
        // Formatted after loading: a format string with columns of several types cannot be translated on PostgreSQL.
        var tools = (await db.Tools.AsNoTracking().OrderBy(t => t.Slug)
            .Select(t => new { t.Slug, t.Name, t.Url, t.Summary, t.Kind, t.Cost, t.IsOpen, t.AddedAt, t.LastReviewedAt, Skills = t.Skills.Count, Personas = t.Personas.Count })
            .ToListAsync(Ct))
            .Select(t => $"{t.Slug}|{t.Name}|{t.Url}|{t.Summary}|{t.Kind}|{t.Cost}|{t.IsOpen}|{t.AddedAt:O}|{t.LastReviewedAt:O}|{t.Skills}|{t.Personas}");
        var personas = await db.Personas.AsNoTracking().OrderBy(p => p.Slug)
            .Select(p => $"{p.Slug}|{p.Role}|{p.Iteration}|{p.Skills.Count}|{p.Iterations.Count}|{string.Join(",", p.Goals)}")
            .ToListAsync(Ct);
        var skills = await db.Skills.AsNoTracking().OrderBy(s => s.Slug).Select(s => $"{s.Slug}|{s.Name}|{s.Order}|{s.SkillAreaId}").ToListAsync(Ct);
        return string.Join('\n', tools.Concat(personas).Concat(skills));
    }
}
