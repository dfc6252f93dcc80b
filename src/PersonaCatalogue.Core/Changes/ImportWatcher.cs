using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PersonaCatalogue.Core.Audit;
using PersonaCatalogue.Core.Data;

namespace PersonaCatalogue.Core.Changes;

/// <summary>
/// The <c>import</c> command runs in its own process, so this process's listeners (the site's in-memory page cache,
/// the vocabulary) do not hear of its changes. The importer records each import that changed something in the audit
/// log; this looks for a new one every few seconds (<c>OutputCache:ImportCheckSeconds</c>, 0 turns it off) and then
/// tells every listener that everything changed.
/// </summary>
public sealed class ImportWatcher(
    IServiceScopeFactory scopes, IEnumerable<ICatalogueChangeListener> listeners, IConfiguration configuration, ILogger<ImportWatcher> logger)
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
        long? lastSeen = null;
        using var timer = new PeriodicTimer(interval);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<CatalogueDbContext>();
                if (lastSeen is null)
                {
                    // The last key, read without a scan (MAX((int?)Id) read every event: 121 ms at 500,000).
                    lastSeen = await db.AuditEvents.OrderByDescending(e => e.Id).Select(e => e.Id).FirstOrDefaultAsync(stoppingToken);
                    continue;
                }

                var latestImport = await db.AuditEvents
                    .Where(e => e.Id > lastSeen && e.Action == AuditActions.SeedDataImported)
                    .MaxAsync(e => (long?)e.Id, stoppingToken);
                if (latestImport is { } id)
                {
                    lastSeen = id;
                    logger.LogInformation("Seed data was imported by another process: the whole catalogue changed");
                    foreach (var listener in listeners)
                    {
                        await listener.CatalogueChangedAsync(CatalogueChange.All, stoppingToken);
                    }
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
