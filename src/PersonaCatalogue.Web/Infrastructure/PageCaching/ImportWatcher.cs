using Microsoft.EntityFrameworkCore;
using PersonaCatalogue.Web.Data;
using PersonaCatalogue.Web.Features.Staff.Audit;

namespace PersonaCatalogue.Web.Infrastructure.PageCaching;

/// <summary>
/// The <c>import</c> command runs in its own process, so it cannot reach this process's in-memory page cache (with
/// Redis it evicts directly). The importer records each import that changed something in the audit log; this
/// looks for a new one every few seconds and then evicts every page.
/// </summary>
public sealed class ImportWatcher(IServiceScopeFactory scopes, PageCache cache, IConfiguration configuration, ILogger<ImportWatcher> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(configuration.GetValue("OutputCache:ImportCheckSeconds", 5.0));
        if (interval <= TimeSpan.Zero)
        {
            return;
        }

        // Hosted services start one after another before the server listens, and SQLite's async calls complete
        // synchronously; yielding first keeps this service's first query (and its compilation) off that path.
        await Task.Yield();
        int? lastSeen = null;
        using var timer = new PeriodicTimer(interval);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<CatalogueDbContext>();
                if (lastSeen is null)
                {
                    lastSeen = await db.AuditEvents.MaxAsync(e => (int?)e.Id, stoppingToken) ?? 0;
                    continue;
                }

                var latestImport = await db.AuditEvents
                    .Where(e => e.Id > lastSeen && e.Action == AuditActions.SeedDataImported)
                    .MaxAsync(e => (int?)e.Id, stoppingToken);
                if (latestImport is { } id)
                {
                    lastSeen = id;
                    logger.LogInformation("Seed data was imported: evicting every cached page");
                    await cache.EvictAsync([PageTags.All], stoppingToken);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The database may be briefly busy or not yet migrated; the next tick tries again.
                logger.LogWarning(exception, "Could not check for seed data imports");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
