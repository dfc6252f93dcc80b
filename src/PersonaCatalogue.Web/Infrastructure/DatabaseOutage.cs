using System.Data.Common;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace PersonaCatalogue.Web.Infrastructure;

/// <summary>
/// Tells a database that cannot be reached (a restart, a network fault, a full connection pool) from a bug, so the
/// person gets "try again later" (503 with Retry-After) rather than "there is a problem" (500), and the log gets one
/// line per outage rather than one per request.
/// </summary>
public sealed class DatabaseOutage(TimeProvider clock, ILogger<DatabaseOutage> logger)
{
    /// <summary>How long to tell people to wait, and how long without a failure ends an outage (for the log).</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(30);

    private long _lastFailureTicks;

    public static bool IsUnavailable(Exception? exception)
    {
        for (var ex = exception; ex is not null; ex = ex.InnerException)
        {
            switch (ex)
            {
                case NpgsqlException npgsql when npgsql.IsTransient:
                case PostgresException { SqlState: "57P01" or "57P02" or "57P03" or "53300" } or PostgresException { SqlState: ['0', '8', ..] }:
                case SqliteException { SqliteErrorCode: 5 or 6 or 10 or 14 }: // busy, locked, I/O error, cannot open
                case SocketException:
                case TimeoutException when ex.InnerException is DbException or SocketException:
                    return true;
            }
        }

        return false;
    }

    /// <summary>Logs the first failure of an outage, and nothing more until the database has answered for a while.</summary>
    public void Report(Exception exception, string path)
    {
        var now = clock.GetUtcNow().UtcTicks;
        var last = Interlocked.Exchange(ref _lastFailureTicks, now);
        if (now - last > RetryAfter.Ticks)
        {
            logger.LogError(exception, "The database cannot be reached (first failure: {Path}); answering 503 until it can", path);
        }
    }
}
