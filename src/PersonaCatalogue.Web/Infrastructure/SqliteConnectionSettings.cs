using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PersonaCatalogue.Web.Infrastructure;

/// <summary>
/// Per-connection SQLite settings. A busy timeout makes a writer wait for another writer's lock
/// instead of failing; WAL itself is a property of the file and is switched on once at start-up.
/// </summary>
public class SqliteConnectionSettings(int busyTimeoutMilliseconds) : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) =>
        Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA busy_timeout = {busyTimeoutMilliseconds}; PRAGMA synchronous = NORMAL;";
        command.ExecuteNonQuery();
    }
}
