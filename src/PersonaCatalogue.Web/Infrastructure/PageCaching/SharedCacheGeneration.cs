using Microsoft.EntityFrameworkCore;
using PersonaCatalogue.Core.Audit;
using PersonaCatalogue.Core.Data;
using PersonaCatalogue.Core.Data.Entities;

namespace PersonaCatalogue.Web.Infrastructure.PageCaching;

/// <summary>
/// The generation of the pages stored in the shared cache (Redis), kept in the database so every instance agrees on
/// it: the id of the latest <see cref="AuditActions.PageCacheEvictionLost"/> event, 0 if there is none. Keys carry
/// it, so when an eviction cannot reach Redis (an outage), the instance that made the change records a new
/// generation and no instance uses a page stored before the change again: they look under new keys, miss, and
/// render. Instances learn a new generation when they first reach Redis again after an outage of their own
/// (<see cref="MustRefresh"/>), and by asking every few seconds (<see cref="SharedCacheGenerationWatcher"/>).
/// </summary>
public sealed class SharedCacheGeneration(IServiceScopeFactory scopes, TimeProvider clock, ILogger<SharedCacheGeneration> logger)
{
    private long _current = -1;
    private int _mustRefresh = 1;

    /// <summary>The generation to use in keys; -1 until it has been read once.</summary>
    public long Current => Interlocked.Read(ref _current);

    /// <summary>Read the generation again before the next use of Redis (after an outage, or at start).</summary>
    public void MustRefresh() => Volatile.Write(ref _mustRefresh, 1);

    /// <summary>Reads the generation when it may have changed; false when the database cannot say (then do not use Redis).</summary>
    public async Task<bool> EnsureCurrentAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _mustRefresh) == 0)
        {
            return true;
        }

        try
        {
            await RefreshAsync(cancellationToken);
            Volatile.Write(ref _mustRefresh, 0);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Could not read the page cache's generation; not using the shared cache for now");
            return false;
        }
    }

    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CatalogueDbContext>();
        var latest = await db.AuditEvents.AsNoTracking()
            .Where(e => e.Action == AuditActions.PageCacheEvictionLost)
            .MaxAsync(e => (long?)e.Id, cancellationToken) ?? 0;
        Advance(latest);
    }

    /// <summary>
    /// Records that an eviction was lost and moves every instance to a new generation. Failing here (the database is
    /// away too) leaves the generation as it was: then the change that wanted the eviction was not saved either.
    /// </summary>
    public async Task NewGenerationAsync(IReadOnlyCollection<string> lostTags, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CatalogueDbContext>();
        var lost = new AuditEvent
        {
            At = clock.GetUtcNow().UtcDateTime,
            UserId = "",
            UserEmail = AuditTrail.SystemActor,
            Action = AuditActions.PageCacheEvictionLost,
            TargetType = "page-cache",
            TargetKey = string.Join(" ", lostTags),
            Details = "{}",
        };
        db.AuditEvents.Add(lost);
        await db.SaveChangesAsync(cancellationToken);
        Advance(lost.Id);
        logger.LogWarning("Pages tagged {Tags} could not be evicted from Redis: every instance now uses a new generation of cached pages ({Generation})", lostTags, lost.Id);
    }

    private void Advance(long generation)
    {
        long seen;
        do
        {
            seen = Interlocked.Read(ref _current);
            if (generation <= seen)
            {
                return;
            }
        }
        while (Interlocked.CompareExchange(ref _current, generation, seen) != seen);
    }
}

/// <summary>
/// Asks for the shared cache's generation every few seconds (<c>Redis:GenerationCheckSeconds</c>, default 2), so an
/// instance that never noticed an outage itself still stops using pages another instance could not evict.
/// </summary>
public sealed class SharedCacheGenerationWatcher(SharedCacheGeneration generation, IConfiguration configuration, ILogger<SharedCacheGenerationWatcher> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(configuration.GetValue("Redis:GenerationCheckSeconds", 2.0));
        if (interval <= TimeSpan.Zero)
        {
            return;
        }

        await Task.Yield();
        using var timer = new PeriodicTimer(interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await generation.RefreshAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogDebug(ex, "Could not read the page cache's generation; trying again in {Interval}", interval);
            }
        }
    }
}
