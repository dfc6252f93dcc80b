using Microsoft.EntityFrameworkCore;
using PersonaCatalogue.Core.Changes;
using PersonaCatalogue.Core.Data;

namespace PersonaCatalogue.Core.Catalogue;

/// <summary>
/// A value worked out from the published tools, kept in memory until they change: dropped on exactly the changes that
/// evict the pages showing tools (<see cref="CatalogueChange.Tools"/> or <see cref="CatalogueChange.Everything"/>: a tool
/// approved, edited, retired or restored, its links, an import, in this process or, for an import, another one through
/// <see cref="ImportWatcher"/>), and stamped with the latest audit event's id. Another instance's change (several
/// instances sharing Redis and the database) is not heard here, yet it evicts the shared pages, and this instance would
/// render them again from the old value and store them. So each use reads the latest audit event's id (the last key of
/// its primary key, read without a scan): every staff change to a tool and every import is audited in the same
/// transaction, so a new id means the tools may have changed, and the value is worked out again.
/// </summary>
/// <remarks>
/// Requests that find nothing loaded for the current stamp share one load, so a burst after a change reads the tools
/// once. The load runs on the first such request's DbContext and is not cancelled with it, as others wait for it.
/// </remarks>
public abstract class CachedUntilToolsChange<T> : ICatalogueChangeListener
    where T : class
{
    private sealed record Load(long LatestAuditId, Task<T> Value);

    private Load? _load;

    public async Task<T> GetAsync(CatalogueDbContext db, CancellationToken cancellationToken)
    {
        // Ordered and limited rather than MAX((long?)Id), which EF Core sends as MAX(CAST(Id AS INTEGER)), and SQLite then
        // reads every event rather than the last key.
        var latestAuditId = await db.AuditEvents.OrderByDescending(e => e.Id).Select(e => e.Id).FirstOrDefaultAsync(cancellationToken);
        var current = Volatile.Read(ref _load);
        if (current is null || current.LatestAuditId != latestAuditId || current.Value.IsFaulted || current.Value.IsCanceled)
        {
            // Claimed before loading, so that only the request whose claim is stored loads, on its own DbContext.
            var loading = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
            var claim = new Load(latestAuditId, loading.Task);
            var previous = Interlocked.CompareExchange(ref _load, claim, current);
            if (previous != current && previous is not null)
            {
                return await previous.Value;
            }

            try
            {
                loading.SetResult(await LoadAsync(db, CancellationToken.None));
            }
            catch (Exception exception)
            {
                loading.SetException(exception);
            }

            current = claim;
        }

        return await current.Value;
    }

    protected abstract Task<T> LoadAsync(CatalogueDbContext db, CancellationToken cancellationToken);

    public Task CatalogueChangedAsync(CatalogueChange change, CancellationToken cancellationToken)
    {
        if (change.Everything || change.Tools)
        {
            Volatile.Write(ref _load, null);
        }

        return Task.CompletedTask;
    }
}
