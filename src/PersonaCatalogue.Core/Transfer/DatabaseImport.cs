using System.Data.Common;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace PersonaCatalogue.Core.Transfer;

/// <summary>What an import brought, for the closing lines of the command.</summary>
public record ImportSummary(long Rows, bool PasswordHashes, bool DataProtectionKeys);

/// <summary>
/// <c>import-all &lt;file&gt;</c>: loads an export into an empty, migrated database of either provider. The whole file is
/// checked before anything is written, rows go in table by table in foreign key order with their own primary keys,
/// in one transaction, so a failure part way leaves the database as empty as it was.
/// </summary>
public static class DatabaseImport
{
    /// <summary>SQLite before 3.32 allowed 999 parameters in one statement; staying under that suits every provider.</summary>
    private const int MaxParametersPerStatement = 900;

    public static async Task<ImportSummary> ImportAsync(DbContext db, string path, TextWriter progress, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(path))
        {
            throw new TransferException($"{path} does not exist.");
        }

        // The document keeps the file as UTF-8 bytes (about the file's size, not a tree of strings), which lets every
        // table and row be checked before the first insert.
        using var document = await ParseAsync(path, cancellationToken);
        var header = ReadHeader(document.RootElement, path);
        var tables = TransferTables.For(db);
        var rowsByTable = ReadTables(document.RootElement, tables);
        var plans = tables.InDependencyOrder.Select(t => (Table: t, Rows: PlanRows(t, rowsByTable[t]))).ToList();

        progress.WriteLine($"The file was exported at {header.ExportedAtUtc} from {header.SourceProvider} by app version {header.AppVersion}.");
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await RefuseUnlessEmptyAsync(tables, rowsByTable, cancellationToken);
            long total = 0;
            foreach (var (table, rows) in plans)
            {
                await InsertAsync(tables, table, rows, cancellationToken);
                total += rows.Count;
                progress.WriteLine($"  {table.Name,-28} {rows.Count,7} rows");
            }

            await ResetSequencesAsync(tables, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new ImportSummary(total, header.PasswordHashes, header.DataProtectionKeys);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<JsonDocument> ParseAsync(string path, CancellationToken cancellationToken)
    {
        await using var file = File.OpenRead(path);
        try
        {
            return await JsonDocument.ParseAsync(file, cancellationToken: cancellationToken);
        }
        catch (JsonException ex)
        {
            throw new TransferException($"{path} is not a valid export: {ex.Message}", ex);
        }
    }

    private sealed record FileHeader(string ExportedAtUtc, string SourceProvider, string AppVersion, bool PasswordHashes, bool DataProtectionKeys);

    private static FileHeader ReadHeader(JsonElement root, string path)
    {
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty(TransferFormat.Fields.Format, out var format) || format.ValueKind != JsonValueKind.String
            || format.GetString() != TransferFormat.FormatName)
        {
            throw new TransferException($"{path} is not an export of this app (it has no \"{TransferFormat.Fields.Format}\": \"{TransferFormat.FormatName}\").");
        }

        if (!root.TryGetProperty(TransferFormat.Fields.FormatVersion, out var version) || version.ValueKind != JsonValueKind.Number
            || !version.TryGetInt32(out var number) || number != TransferFormat.Version)
        {
            throw new TransferException($"{path} has format version {version}; this version of the app reads format version {TransferFormat.Version} only. Export again with the same version of the app as the import.");
        }

        return new FileHeader(
            Text(root, TransferFormat.Fields.ExportedAtUtc),
            Text(root, TransferFormat.Fields.SourceProvider),
            Text(root, TransferFormat.Fields.AppVersion),
            root.TryGetProperty(TransferFormat.Fields.PasswordHashes, out var hashes) && hashes.ValueKind == JsonValueKind.True,
            root.TryGetProperty(TransferFormat.Fields.DataProtectionKeys, out var keys) && keys.ValueKind == JsonValueKind.True);
    }

    private static string Text(JsonElement root, string field) =>
        root.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "unknown";

    /// <summary>Every table of the model must be in the file, and nothing else: a difference means another version of the app wrote it.</summary>
    private static Dictionary<TransferTable, JsonElement> ReadTables(JsonElement root, TransferTables tables)
    {
        if (!root.TryGetProperty(TransferFormat.Fields.Tables, out var list) || list.ValueKind != JsonValueKind.Array)
        {
            throw new TransferException($"The file has no \"{TransferFormat.Fields.Tables}\" list.");
        }

        var found = new Dictionary<TransferTable, JsonElement>();
        foreach (var entry in list.EnumerateArray())
        {
            var name = entry.ValueKind == JsonValueKind.Object && entry.TryGetProperty(TransferFormat.Fields.Table, out var n) && n.ValueKind == JsonValueKind.String
                ? n.GetString()!
                : throw new TransferException("Every entry in \"tables\" needs a \"table\" name.");
            var table = tables.Find(name)
                ?? throw new TransferException($"The file has a table this version of the app does not know: {name}. Import with the same version of the app that exported it.");
            if (!entry.TryGetProperty(TransferFormat.Fields.Rows, out var rows) || rows.ValueKind != JsonValueKind.Array)
            {
                throw new TransferException($"Table {name} has no \"rows\" list.");
            }

            if (!found.TryAdd(table, rows))
            {
                throw new TransferException($"Table {name} is in the file twice.");
            }

            if (entry.TryGetProperty(TransferFormat.Fields.RowCount, out var count) && count.TryGetInt64(out var expected) && expected != rows.GetArrayLength())
            {
                throw new TransferException($"Table {name} says it has {expected} rows but holds {rows.GetArrayLength()}; the file is incomplete.");
            }
        }

        var missing = tables.InDependencyOrder.Where(t => !found.ContainsKey(t)).Select(t => t.Name).ToList();
        if (missing.Count > 0)
        {
            throw new TransferException($"The file lacks table(s) {string.Join(", ", missing)}. Import with the same version of the app that exported it.");
        }

        return found;
    }

    /// <summary>One row ready to insert: its concrete entity type and a value for each of that type's columns.</summary>
    private sealed record PlannedRow(IEntityType EntityType, IReadOnlyList<(IProperty Property, object? Value)> Values);

    /// <summary>Converts every row of a table before any is inserted, so a bad value stops the import before it writes.</summary>
    private static List<PlannedRow> PlanRows(TransferTable table, JsonElement rows)
    {
        var planned = new List<PlannedRow>(rows.GetArrayLength());
        var discriminator = table.Root.FindDiscriminatorProperty();
        var number = 0;
        foreach (var row in rows.EnumerateArray())
        {
            number++;
            var where = $"Table {table.Name}, row {number}";
            if (row.ValueKind != JsonValueKind.Object)
            {
                throw new TransferException($"{where} is not an object.");
            }

            object? kind = null;
            if (discriminator is not null)
            {
                kind = row.TryGetProperty(discriminator.Name, out var k) ? Read(k, discriminator, where) : throw new TransferException($"{where} has no '{discriminator.Name}'.");
            }

            var entityType = table.ConcreteTypeFor(kind) ?? throw new TransferException($"{where}: '{kind}' is not a kind of {table.Root.DisplayName()} this version of the app knows.");
            var columns = TransferTable.Columns(entityType).ToList();
            var unknown = row.EnumerateObject().Select(p => p.Name).Except(columns.Select(c => c.Name)).ToList();
            if (unknown.Count > 0)
            {
                throw new TransferException($"{where} has field(s) {string.Join(", ", unknown)} that {entityType.DisplayName()} does not have in this version of the app.");
            }

            planned.Add(new PlannedRow(entityType, [.. columns.Select(c => (c, row.TryGetProperty(c.Name, out var value)
                ? Read(value, c, where)
                : throw new TransferException($"{where} has no '{c.Name}'.")))]));
        }

        return planned;
    }

    private static object? Read(JsonElement element, IProperty property, string where)
    {
        try
        {
            var value = TransferFormat.ReadValue(element, property);
            return value is null && !property.IsNullable ? throw new TransferException($"{where}: '{property.Name}' cannot be empty.") : value;
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or InvalidOperationException)
        {
            throw new TransferException($"{where}: '{property.Name}' has {element.GetRawText()} which is not a {property.ClrType.Name}.", ex);
        }
    }

    private static async Task RefuseUnlessEmptyAsync(TransferTables tables, Dictionary<TransferTable, JsonElement> rowsByTable, CancellationToken cancellationToken)
    {
        var counts = await tables.CountRowsAsync(cancellationToken);
        // The app makes a Data Protection key of its own when it first needs one; that is no catalogue data, and only
        // conflicts with the file when the file brings keys too.
        var occupied = tables.InDependencyOrder
            .Where(t => counts[t.Name] > 0 && (!t.HoldsDataProtectionKeys || rowsByTable[t].GetArrayLength() > 0))
            .Select(t => $"{t.Name} ({counts[t.Name]} rows)")
            .ToList();
        if (occupied.Count > 0)
        {
            throw new TransferException(
                $"The database is not empty: {string.Join(", ", occupied)}. import-all only loads into a new, empty database; nothing was changed. " +
                "Point Database settings at a new database and run import-all before the site first starts (a start fills an empty database from seed-data).");
        }
    }

    /// <summary>Consecutive rows of one concrete type go in as multi-row INSERTs, typed by each property's mapping just as SaveChanges would.</summary>
    private static async Task InsertAsync(TransferTables tables, TransferTable table, List<PlannedRow> rows, CancellationToken cancellationToken)
    {
        var sql = tables.Db.GetService<ISqlGenerationHelper>();
        var start = 0;
        while (start < rows.Count)
        {
            var entityType = rows[start].EntityType;
            var columns = rows[start].Values.Select(v => v.Property).ToList();
            var perStatement = Math.Max(1, MaxParametersPerStatement / Math.Max(1, columns.Count));
            var batch = rows.Skip(start).Take(perStatement).TakeWhile(r => r.EntityType == entityType).ToList();

            await using var command = tables.CreateCommand("");
            var tuples = new List<string>(batch.Count);
            foreach (var row in batch)
            {
                var placeholders = new List<string>(row.Values.Count);
                foreach (var (property, value) in row.Values)
                {
                    var name = $"p{command.Parameters.Count}";
                    placeholders.Add(sql.GenerateParameterNamePlaceholder(name));
                    command.Parameters.Add(property.GetRelationalTypeMapping().CreateParameter(command, sql.GenerateParameterName(name), value, property.IsNullable));
                }

                tuples.Add($"({string.Join(", ", placeholders)})");
            }

            var columnList = string.Join(", ", columns.Select(c => tables.DelimitColumn(table.ColumnName(c))));
            command.CommandText = $"INSERT INTO {tables.Delimit(table)} ({columnList}) VALUES {string.Join(", ", tuples)}";
            try
            {
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
            catch (DbException ex)
            {
                throw new TransferException($"Table {table.Name}, rows {start + 1} to {start + batch.Count}: the database refused them: {ex.Message}", ex);
            }

            start += batch.Count;
        }
    }

    /// <summary>
    /// PostgreSQL's identity sequences do not move when rows arrive with their own ids, so the next new row would
    /// collide; each is set to the table's highest id. SQLite's AUTOINCREMENT follows explicit ids by itself.
    /// The provider is matched by name so this project needs no Npgsql reference.
    /// </summary>
    private static async Task ResetSequencesAsync(TransferTables tables, CancellationToken cancellationToken)
    {
        if (tables.Db.Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) != true)
        {
            return;
        }

        foreach (var table in tables.InDependencyOrder)
        {
            if (table.GeneratedIntegerKey is not { } key)
            {
                continue;
            }

            var name = tables.Delimit(table);
            var column = table.ColumnName(key);
            await using var command = tables.CreateCommand(
                $"SELECT setval(pg_get_serial_sequence('{name.Replace("'", "''")}', '{column.Replace("'", "''")}'), MAX({tables.DelimitColumn(column)})) FROM {name}");
            await command.ExecuteScalarAsync(cancellationToken);
        }
    }
}
