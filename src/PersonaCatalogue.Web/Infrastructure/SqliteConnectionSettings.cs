using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PersonaCatalogue.Web.Infrastructure;

/// <summary>
/// Per-connection SQLite settings. A busy timeout makes a writer wait for another writer's lock
/// instead of failing; WAL itself is a property of the file and is switched on once at start-up.
/// The settings belong to the native connection, which the pool keeps open, so they are applied once per native
/// connection rather than every time EF takes one from the pool (up to five times for one page).
/// Each new native connection also runs PRAGMA optimize, as SQLite advises for long-lived connections: it analyses
/// tables that have none or outdated statistics (quickly, with a built-in limit). Without statistics the planner
/// guesses, and at 10,000 tools it walked every tool for a search matching 300 of them.
/// Each connection's page cache holds up to <paramref name="pageCacheMegabytes"/> (SQLite's default is 2 MB): at 10,000
/// tools a filtered list reads a few hundred scattered tool rows, and with 2 MB most of them were read from the file
/// again on every request. The cache only grows with pages actually read, so a small catalogue costs no more.
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
