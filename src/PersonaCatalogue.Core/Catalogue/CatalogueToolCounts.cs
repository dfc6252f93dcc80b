using Microsoft.EntityFrameworkCore;
using PersonaCatalogue.Core.Changes;
using PersonaCatalogue.Core.Data;
using PersonaCatalogue.Core.Data.Entities;

namespace PersonaCatalogue.Core.Catalogue;

/// <summary>How many published tools the catalogue has in all, per skill and per persona (one left out has none).</summary>
public sealed record ToolCounts(int Published, IReadOnlyDictionary<int, int> PerSkill, IReadOnlyDictionary<int, int> PerPersona)
{
    public int ForSkill(int skillId) => PerSkill.GetValueOrDefault(skillId);

    public int ForPersona(int personaId) => PerPersona.GetValueOrDefault(personaId);
}

/// <summary>
/// The published tool counts the home page, the skills framework, the persona and skill pages and the unfiltered tools
/// list show, counted once and kept in memory: at 100,000 tools counting them took longer than the rest of those pages
/// (the framework's grouped counts 40 ms and more, the published tools 6 ms), on every uncached request.
/// </summary>
/// <remarks>
/// Dropped on exactly the changes that evict those pages (<see cref="CatalogueChange.Tools"/> or
/// <see cref="CatalogueChange.Everything"/>: a tool approved, edited, retired or restored, its links, an import, in this
/// process or, for an import, another one through <see cref="ImportWatcher"/>). Another instance's change (several
/// instances sharing Redis and the database) is not heard here, yet it evicts the shared pages, and this instance would
/// render them again with the old counts and store them. So each use also reads the latest audit event's id (the last
/// key of its primary key, read without a scan): every staff change to a tool and every import is audited in the same
/// transaction, so a new id means the counts may have changed, and they are counted again.
/// </remarks>
public sealed class CatalogueToolCounts : ICatalogueChangeListener
{
    private sealed record Loaded(ToolCounts Counts, long LatestAuditId);

    private Loaded? _loaded;
    private int _generation;

    public async Task<ToolCounts> GetAsync(CatalogueDbContext db, CancellationToken cancellationToken)
    {
        // Taken before reading, so a change committed while this request counts does not leave what it counted behind.
        var generation = Volatile.Read(ref _generation);
        // Ordered and limited rather than MAX((int?)Id), which EF Core sends as MAX(CAST(Id AS INTEGER)), and SQLite then
        // reads every event rather than the last key.
        var latestAuditId = await db.AuditEvents.OrderByDescending(e => e.Id).Select(e => e.Id).FirstOrDefaultAsync(cancellationToken);
        if (Volatile.Read(ref _loaded) is { } loaded && loaded.LatestAuditId == latestAuditId)
        {
            return loaded.Counts;
        }

        var counts = new ToolCounts(
            await db.Tools.CountAsync(t => t.Status == ToolStatus.Published, cancellationToken),
            await PublishedToolCounts.PerSkillAsync(db, cancellationToken),
            await PublishedToolCounts.PerPersonaAsync(db, cancellationToken));
        if (generation == Volatile.Read(ref _generation))
        {
            // A newer load (a later audit id) may already be there; either is right for its stamp, and a stale one is
            // noticed by the next request's stamp.
            Volatile.Write(ref _loaded, new Loaded(counts, latestAuditId));
        }

        return counts;
    }

    public Task CatalogueChangedAsync(CatalogueChange change, CancellationToken cancellationToken)
    {
        if (change.Everything || change.Tools)
        {
            Interlocked.Increment(ref _generation);
            Volatile.Write(ref _loaded, null);
        }

        return Task.CompletedTask;
    }
}
