using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PersonaCatalogue.Core.Data;

/// <summary>
/// Per-connection SQLite settings. A busy timeout makes a writer wait for another writer's lock
/// instead of failing; WAL itself is a property of the file and is switched on once at start-up.
/// The settings belong to the native connection, which the pool keeps open, so they are applied once per native
/// connection rather than every time EF takes one from the pool (up to five times for one page).
/// Each new native connection also runs PRAGMA optimize, as SQLite advises for long-lived connections: it analyses
/// tables that have none or outdated statistics (quickly, with a built-in limit). Without statistics the planner
/// guesses, and at 10,000 tools it walked every tool for a search matching 300 of them.
/// Each connection's page cache holds up to <paramref name="pageCacheMegabytes"/> (DatabaseSetup's default is SQLite's
/// own, 2 MB). Every pooled connection has a cache of its own, so the total is this times the connections in use: at
/// 10,000 tools and 8 MB each that was about 50 MB. The filtered list's reads fit in 2 MB since they come from the
/// small listing index (IX_Tools_Listing) rather than whole tool rows. The cache grows only with pages actually read.
/// </summary>
public class SqliteConnectionSettings(int busyTimeoutMilliseconds, int pageCacheMegabytes) : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) =>
        Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    // Static: native connections outlive any one options instance (and so any one interceptor).
    private static readonly ConditionalWeakTable<object, object> _configured = [];

    private void Apply(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle } && _configured.TryGetValue(handle, out _))
        {
            return;
        }

        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA busy_timeout = {busyTimeoutMilliseconds}; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -{pageCacheMegabytes * 1024}; PRAGMA optimize = 0x10002;";
        command.ExecuteNonQuery();
        if (connection is SqliteConnection { Handle: { } opened })
        {
            _configured.AddOrUpdate(opened, opened);
        }
    }
}
