using PersonaCatalogue.Core.Changes;
using PersonaCatalogue.Core.Data;

namespace PersonaCatalogue.Core.Catalogue;

/// <summary>
/// A value read from the database once and kept in memory until an import changes the catalogue, which this hears
/// about as a change to <see cref="CatalogueChange.Everything"/> (from this process's saves, or from
/// <see cref="ImportWatcher"/> for an import run by the command line). Only for what nothing but an import changes.
/// </summary>
public abstract class CachedUntilImport<T> : ICatalogueChangeListener
    where T : class
{
    private T? _loaded;
    private int _generation;

    public async Task<T> GetAsync(CatalogueDbContext db, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _loaded) is { } loaded)
        {
            return loaded;
        }

        // Taken before reading, so an import committed while this request reads does not leave what it read behind.
        var generation = Volatile.Read(ref _generation);
        var value = await LoadAsync(db, cancellationToken);
        if (generation == Volatile.Read(ref _generation))
        {
            Interlocked.CompareExchange(ref _loaded, value, null);
        }

        return value;
    }

    protected abstract Task<T> LoadAsync(CatalogueDbContext db, CancellationToken cancellationToken);

    public Task CatalogueChangedAsync(CatalogueChange change, CancellationToken cancellationToken)
    {
        if (change.Everything)
        {
            Interlocked.Increment(ref _generation);
            Volatile.Write(ref _loaded, null);
        }

        return Task.CompletedTask;
    }
}
