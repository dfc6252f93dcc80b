using System.Data;
using System.Data.Common;
using System.Linq.Expressions;
using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace PersonaCatalogue.Core.Transfer;

public record ExportOptions(bool IncludePasswordHashes = false, bool IncludeDataProtectionKeys = false);

/// <summary>
/// <c>export &lt;file&gt;</c>: the whole database as one JSON document (see <see cref="TransferFormat"/>), streamed row
/// by row to the file, so a large catalogue is never held in memory.
/// </summary>
public static class DatabaseExport
{
    private const int FlushThresholdBytes = 64 * 1024;

    private static readonly MethodInfo _queryRows = typeof(DatabaseExport).GetMethod(nameof(QueryRows), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <summary>Writes a new file (an existing one is never overwritten); a failed export leaves no file behind.</summary>
    public static async Task<long> WriteAsync(DbContext db, string path, ExportOptions options, TextWriter progress, CancellationToken cancellationToken = default)
    {
        var tables = TransferTables.For(db);
        FileStream file;
        try
        {
            file = PrivateFile.CreateNew(path, bufferSize: 1);
        }
        catch (IOException) when (File.Exists(path))
        {
            throw new TransferException($"{path} already exists; choose a new file name.");
        }

        try
        {
            await using (file)
            {
                return await WriteAsync(db, tables, file, options, progress, cancellationToken);
            }
        }
        catch
        {
            File.Delete(path);
            throw;
        }
    }

    private static async Task<long> WriteAsync(
        DbContext db, TransferTables tables, Stream stream, ExportOptions options, TextWriter progress, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        var snapshot = await BeginSnapshotAsync(db, cancellationToken);
        try
        {
            return await WriteTablesAsync(db, tables, stream, options, progress, cancellationToken);
        }
        finally
        {
            // Nothing was written, so the read transaction simply ends.
            await db.Database.UseTransactionAsync(null, CancellationToken.None);
            await snapshot.DisposeAsync();
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// One snapshot for every table, so that a row written while the export runs cannot arrive without the row it
    /// refers to. On SQLite a deferred transaction reads one snapshot (WAL) without taking the write lock, so the site
    /// keeps accepting suggestions meanwhile; PostgreSQL gives the same with repeatable read.
    /// </summary>
    private static async Task<DbTransaction> BeginSnapshotAsync(DbContext db, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        var transaction = connection is SqliteConnection sqlite
            ? sqlite.BeginTransaction(deferred: true)
            : await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        await db.Database.UseTransactionAsync(transaction, cancellationToken);
        return transaction;
    }

    private static async Task<long> WriteTablesAsync(
        DbContext db, TransferTables tables, Stream stream, ExportOptions options, TextWriter progress, CancellationToken cancellationToken)
    {
        // Public text may hold any character; a data file need not escape what HTML would.
        await using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        db.ChangeTracker.AutoDetectChangesEnabled = false;

        writer.WriteStartObject();
        writer.WriteString(TransferFormat.Fields.Format, TransferFormat.FormatName);
        writer.WriteNumber(TransferFormat.Fields.FormatVersion, TransferFormat.Version);
        writer.WriteString(TransferFormat.Fields.AppVersion, TransferFormat.AppVersion);
        writer.WriteString(TransferFormat.Fields.ExportedAtUtc, DateTime.UtcNow);
        writer.WriteString(TransferFormat.Fields.SourceProvider, db.Database.ProviderName);
        writer.WriteBoolean(TransferFormat.Fields.PasswordHashes, options.IncludePasswordHashes);
        writer.WriteBoolean(TransferFormat.Fields.DataProtectionKeys, options.IncludeDataProtectionKeys);
        writer.WriteStartArray(TransferFormat.Fields.Tables);

        long total = 0;
        foreach (var table in tables.InDependencyOrder)
        {
            writer.WriteStartObject();
            writer.WriteString(TransferFormat.Fields.Table, table.Name);
            writer.WriteStartArray(TransferFormat.Fields.Rows);
            long count = 0;
            var leaveOut = table.HoldsDataProtectionKeys && !options.IncludeDataProtectionKeys;
            if (!leaveOut)
            {
                var rows = (IAsyncEnumerable<object>)_queryRows.MakeGenericMethod(table.Root.ClrType).Invoke(null, [db, table.Root])!;
                await foreach (var entity in rows.WithCancellation(cancellationToken))
                {
                    WriteRow(writer, db.Entry(entity), options);
                    count++;
                    if (writer.BytesPending > FlushThresholdBytes)
                    {
                        await writer.FlushAsync(cancellationToken);
                    }
                }
            }

            writer.WriteEndArray();
            writer.WriteNumber(TransferFormat.Fields.RowCount, count);
            writer.WriteEndObject();
            total += count;
            progress.WriteLine($"  {table.Name,-28} {count,7} rows{Note(table, options)}");
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        await writer.FlushAsync(cancellationToken);
        return total;
    }

    private static string Note(TransferTable table, ExportOptions options) =>
        table.HoldsDataProtectionKeys && !options.IncludeDataProtectionKeys ? "  (left out: --include-data-protection-keys moves them)"
        : !options.IncludePasswordHashes && table.EntityTypes.SelectMany(TransferTable.Columns).Any(TransferTable.IsPasswordHash) ? "  (without password hashes)"
        : "";

    /// <summary>
    /// Every column of the row's concrete type, read through the change tracker because that is where shadow
    /// properties live; the entity is let go straight after, so memory stays flat however many rows there are.
    /// </summary>
    private static void WriteRow(Utf8JsonWriter writer, Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry entry, ExportOptions options)
    {
        writer.WriteStartObject();
        foreach (var property in TransferTable.Columns(entry.Metadata))
        {
            writer.WritePropertyName(property.Name);
            var value = !options.IncludePasswordHashes && TransferTable.IsPasswordHash(property) ? null : entry.Property(property).CurrentValue;
            TransferFormat.WriteValue(writer, property, value);
        }

        writer.WriteEndObject();
        entry.State = EntityState.Detached;
    }

    /// <summary>The table's rows in primary key order (the hierarchy's root returns every concrete type).</summary>
    private static IAsyncEnumerable<object> QueryRows<TEntity>(DbContext db, IEntityType root)
        where TEntity : class
    {
        IQueryable<TEntity> query = (root.HasSharedClrType ? db.Set<TEntity>(root.Name) : db.Set<TEntity>()).AsTracking();
        var keys = root.FindPrimaryKey()!.Properties;
        for (var i = 0; i < keys.Count; i++)
        {
            var entity = Expression.Parameter(typeof(TEntity), "e");
            var key = Expression.Lambda(Expression.Call(typeof(EF), nameof(EF.Property), [keys[i].ClrType], entity, Expression.Constant(keys[i].Name)), entity);
            query = query.Provider.CreateQuery<TEntity>(Expression.Call(
                typeof(Queryable), i == 0 ? nameof(Queryable.OrderBy) : nameof(Queryable.ThenBy), [typeof(TEntity), keys[i].ClrType], query.Expression, Expression.Quote(key)));
        }

        return query.AsAsyncEnumerable();
    }
}

/// <summary>A problem with an export or import that the person running it can fix; the message says how.</summary>
public class TransferException(string message, Exception? inner = null) : Exception(message, inner);
