using Microsoft.EntityFrameworkCore;
using PersonaCatalogue.Core.Data.Entities;
using PersonaCatalogue.Web.Tests.Infrastructure;

namespace PersonaCatalogue.Web.Tests.Cli.Transfer;

/// <summary>The email outbox moves with <c>export</c> and <c>import-all</c> like every other table, every value kept.</summary>
public class OutboxTransferTests(CatalogueAppFactory app) : IClassFixture<CatalogueAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ExportThenImportAll_KeepsEveryOutboxMessageAndValue()
    {
        var suggestion = await app.CreateSuggestionAsync(toolName: "Heron Charts");
        await using (var db = app.CreateDbContext())
        {
            db.OutboxMessages.AddRange(
                new OutboxMessage
                {
                    To = "heron@example.org",
                    Subject = "Heron Charts is now in the catalogue",
                    Body = "Hello,\n\nThank you — “quoted”.\n",
                    SuggestionId = suggestion.Id,
                    Status = OutboxStatus.Sent,
                    Attempts = 2,
                    CreatedAt = new DateTime(2026, 11, 1, 9, 0, 0, DateTimeKind.Utc),
                    NextAttemptAt = new DateTime(2026, 11, 1, 9, 5, 0, DateTimeKind.Utc),
                    SentAt = new DateTime(2026, 11, 1, 9, 2, 30, DateTimeKind.Utc),
                    LastError = null,
                },
                new OutboxMessage
                {
                    To = "kite@example.org",
                    Subject = "Waiting",
                    Body = "Still waiting",
                    Status = OutboxStatus.Failed,
                    Attempts = 10,
                    LastError = "Connection refused",
                    CreatedAt = new DateTime(2026, 11, 2, 9, 0, 0, DateTimeKind.Utc),
                    NextAttemptAt = new DateTime(2026, 11, 3, 9, 0, 0, DateTimeKind.Utc),
                });
            await db.SaveChangesAsync(Ct);
        }

        await using var target = new SqliteTransferTarget();
        var folder = Path.GetDirectoryName(target.DatabasePath)!;
        var file = Path.Combine(folder, "export.json");
        var export = await CommandLineProcess.RunAsync(folder, [new("Database:Path", app.DatabasePath)], "export", file);
        var import = await CommandLineProcess.RunAsync(folder, target.Settings, "import-all", file);

        Assert.True(export.ExitCode == 0, export.Error);
        Assert.Matches(@"\n\s+OutboxMessages\s+2 rows", export.Output);
        Assert.True(import.ExitCode == 0, import.Output + import.Error);
        await using var site = target.CreateSite();
        await using var copy = site.CreateDbContext();
        await using var source = app.CreateDbContext();
        var expected = await source.OutboxMessages.AsNoTracking().OrderBy(m => m.Id).ToListAsync(Ct);
        var actual = await copy.OutboxMessages.AsNoTracking().OrderBy(m => m.Id).ToListAsync(Ct);
        Assert.Equivalent(expected, actual, strict: true);
        Assert.Equal("Hello,\n\nThank you — “quoted”.\n", actual[0].Body);
        Assert.Equal(suggestion.Id, actual[0].SuggestionId);
    }
}
