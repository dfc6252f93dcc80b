using System.Data.Common;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace PersonaCatalogue.Core.Transfer;

/// <summary>
/// The tables that <c>export</c> and <c>import-all</c> move, read from the EF model rather than listed by hand, so an
/// entity added later (a new kind of feedback, a join table) moves without a change here. Tables come in foreign key
/// order: every table after the tables it refers to.
/// </summary>
public sealed class TransferTables
{
    private TransferTables(DbContext db, IReadOnlyList<TransferTable> tables)
    {
        Db = db;
        InDependencyOrder = tables;
    }

    public DbContext Db { get; }

    public IReadOnlyList<TransferTable> InDependencyOrder { get; }

    public TransferTable? Find(string name) => InDependencyOrder.FirstOrDefault(t => t.Name == name);

    public static TransferTables For(DbContext db)
    {
        var tables = db.Model.GetEntityTypes()
            .Where(e => e.GetTableName() is not null && e.FindPrimaryKey() is not null)
            .GroupBy(e => (Name: e.GetTableName()!, Schema: e.GetSchema()))
            .Select(group => TransferTable.Create(group.Key.Name, group.Key.Schema, [.. group]))
            .ToList();
        return new TransferTables(db, SortByDependencies(tables));
    }

    /// <summary>Row counts of every table, to refuse an import into a database that already holds something.</summary>
    public async Task<Dictionary<string, long>> CountRowsAsync(CancellationToken cancellationToken)
    {
        var counts = new Dictionary<string, long>();
        foreach (var table in InDependencyOrder)
        {
            await using var command = CreateCommand($"SELECT COUNT(*) FROM {Delimit(table)}");
            counts[table.Name] = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken));
        }

        return counts;
    }

    /// <summary>The table's name quoted for this provider's SQL, with its schema when it has one.</summary>
    public string Delimit(TransferTable table) => Db.GetService<ISqlGenerationHelper>().DelimitIdentifier(table.StoreObject.Name, table.StoreObject.Schema);

    public string DelimitColumn(string column) => Db.GetService<ISqlGenerationHelper>().DelimitIdentifier(column);

    /// <summary>A command on the context's open connection, inside its current transaction when there is one.</summary>
    public DbCommand CreateCommand(string sql)
    {
        var command = Db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        command.Transaction = Db.Database.CurrentTransaction?.GetDbTransaction();
        return command;
    }

    /// <summary>
    /// Kahn's algorithm over the foreign keys, alphabetical among tables that are free at the same time so the order
    /// (and the export file) is the same on every run. A cycle, or a table that refers to itself, cannot be inserted
    /// table by table with immediate constraint checks, so it is refused here, where a test of the model sees it.
    /// </summary>
    private static List<TransferTable> SortByDependencies(List<TransferTable> tables)
    {
        var byName = tables.ToDictionary(t => t.Name);
        var needs = tables.ToDictionary(t => t.Name, t => t.ReferencedTables.Where(byName.ContainsKey).ToHashSet());
        foreach (var table in tables.Where(t => needs[t.Name].Contains(t.Name)))
        {
            throw new NotSupportedException($"Table {table.Name} refers to itself, so import-all cannot order its rows.");
        }

        var sorted = new List<TransferTable>();
        var ready = new SortedSet<string>(needs.Where(n => n.Value.Count == 0).Select(n => n.Key), StringComparer.Ordinal);
        while (ready.Count > 0)
        {
            var next = ready.Min!;
            ready.Remove(next);
            sorted.Add(byName[next]);
            foreach (var (name, waitingFor) in needs)
            {
                if (waitingFor.Remove(next) && waitingFor.Count == 0)
                {
                    ready.Add(name);
                }
            }
        }

        if (sorted.Count < tables.Count)
        {
            var cycle = tables.Where(t => !sorted.Contains(t)).Select(t => t.Name);
            throw new NotSupportedException($"Tables {string.Join(", ", cycle)} refer to each other in a cycle, so import-all cannot order them.");
        }

        return sorted;
    }
}

/// <summary>One table: the entity types stored in it (several for a table-per-hierarchy) and the columns each one fills.</summary>
public sealed class TransferTable
{
    private TransferTable(string name, StoreObjectIdentifier storeObject, IEntityType root, IReadOnlyList<IEntityType> entityTypes)
    {
        Name = name;
        StoreObject = storeObject;
        Root = root;
        EntityTypes = entityTypes;
    }

    /// <summary>The table's name in the export file: schema-qualified when it has a schema.</summary>
    public string Name { get; }

    public StoreObjectIdentifier StoreObject { get; }

    /// <summary>The entity type to query: the root of its hierarchy, whose query returns every concrete type.</summary>
    public IEntityType Root { get; }

    public IReadOnlyList<IEntityType> EntityTypes { get; }

    public IEnumerable<string> ReferencedTables => EntityTypes
        .SelectMany(e => e.GetForeignKeys())
        .Select(fk => fk.PrincipalEntityType.GetTableName() is { } principal ? QualifiedName(principal, fk.PrincipalEntityType.GetSchema()) : null)
        .OfType<string>()
        .Distinct();

    /// <summary>
    /// Data Protection keys sign cookies and antiforgery tokens: whoever holds them can forge a staff cookie, so they
    /// leave only when asked for (see docs/decisions/0006-moving-a-site-between-databases.md).
    /// </summary>
    public bool HoldsDataProtectionKeys => Root.ClrType == typeof(DataProtectionKey);

    /// <summary>Columns of an entity type that a row carries: every property, shadow and discriminator included, but not what the database computes.</summary>
    public static IEnumerable<IProperty> Columns(IEntityType entityType) =>
        entityType.GetProperties().Where(p => p.GetComputedColumnSql() is null && p.ValueGenerated != ValueGenerated.OnAddOrUpdate);

    /// <summary>A staff account's password hash, left out of an export unless asked for.</summary>
    public static bool IsPasswordHash(IProperty property) =>
        property.Name == nameof(IdentityUser.PasswordHash) && typeof(IdentityUser<string>).IsAssignableFrom(property.DeclaringType.ClrType);

    /// <summary>A single generated integer key, whose sequence PostgreSQL must be told about after rows arrive with their own ids.</summary>
    public IProperty? GeneratedIntegerKey => Root.FindPrimaryKey()!.Properties is [var key]
        && key.ValueGenerated == ValueGenerated.OnAdd
        && (Nullable.GetUnderlyingType(key.ClrType) ?? key.ClrType) is var type
        && (type == typeof(int) || type == typeof(long) || type == typeof(short))
            ? key
            : null;

    public string ColumnName(IProperty property) =>
        property.GetColumnName(StoreObject) ?? throw new NotSupportedException($"{property.DeclaringType.DisplayName()}.{property.Name} has no column in {Name}.");

    /// <summary>The concrete entity type of a row, from its discriminator value (the only type when the table has no hierarchy).</summary>
    public IEntityType? ConcreteTypeFor(object? discriminatorValue) =>
        EntityTypes.Where(e => !e.IsAbstract()).SingleOrDefault(e => Root.FindDiscriminatorProperty() is null || Equals(e.GetDiscriminatorValue(), discriminatorValue));

    internal static TransferTable Create(string name, string? schema, IReadOnlyList<IEntityType> entityTypes)
    {
        var qualified = QualifiedName(name, schema);
        if (entityTypes.FirstOrDefault(e => e.IsOwned()) is { } owned)
        {
            throw new NotSupportedException($"{owned.DisplayName()} is an owned type in {qualified}; export does not move owned types yet.");
        }

        var roots = entityTypes.Where(e => e.BaseType is null).ToList();
        if (roots.Count != 1)
        {
            throw new NotSupportedException($"Table {qualified} holds {string.Join(", ", roots.Select(r => r.DisplayName()))}; export moves one entity hierarchy per table.");
        }

        return new TransferTable(qualified, StoreObjectIdentifier.Table(name, schema), roots[0], entityTypes);
    }

    private static string QualifiedName(string name, string? schema) => schema is null ? name : $"{schema}.{name}";
}
