using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PersonaCatalogue.Core.Catalogue;
using PersonaCatalogue.Core.Changes;

namespace PersonaCatalogue.Core.Data;

/// <summary>Which database the catalogue lives in: <c>Database:Provider</c>.</summary>
public enum DatabaseProvider
{
    /// <summary>One file next to the app: the default, for a single machine.</summary>
    Sqlite,

    /// <summary>A server that several instances share.</summary>
    PostgreSQL,
}

public static class DatabaseSetup
{
    public const string DefaultPath = "App_Data/catalogue.db";

    /// <summary>The connection string used when <c>Database:Provider</c> is PostgreSQL: <c>ConnectionStrings:Catalogue</c>.</summary>
    public const string ConnectionStringName = "Catalogue";

    public static DatabaseProvider Provider(IConfiguration configuration) => configuration["Database:Provider"] switch
    {
        null or "" => DatabaseProvider.Sqlite,
        var name when Enum.TryParse<DatabaseProvider>(name, ignoreCase: true, out var provider) && Enum.IsDefined(provider) => provider,
        var name => throw new InvalidOperationException($"Database:Provider is '{name}'; use Sqlite or PostgreSQL."),
    };

    public static IServiceCollection AddCatalogueDatabase(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddSingleton<CatalogueChangeInterceptor>();
        if (Provider(configuration) == DatabaseProvider.PostgreSQL)
        {
            var postgres = configuration.GetConnectionString(ConnectionStringName) is { Length: > 0 } configured
                ? configured
                : throw new InvalidOperationException($"Database:Provider is PostgreSQL, so ConnectionStrings:{ConnectionStringName} must be set.");
            // Every consumer (controllers, Identity, Data Protection, health checks) keeps asking for CatalogueDbContext.
            // Pooled, as below.
            services.AddDbContextPool<CatalogueDbContext, PostgresCatalogueDbContext>((provider, options) => PostgresCatalogueDbContext
                .Configure(options, postgres)
                .AddInterceptors(provider.GetRequiredService<CatalogueChangeInterceptor>()));
            return services;
        }

        var connectionString = ConnectionString(configuration, environment);
        var busyTimeout = configuration.GetValue("Database:BusyTimeoutMilliseconds", 5000);
        var pageCache = configuration.GetValue("Database:PageCacheMegabytes", 2);
        // Pooled: contexts are reset and reused rather than built with fresh options for every request, which cost
        // about a twentieth of an uncached tools list's time.
        services.AddDbContextPool<CatalogueDbContext>((provider, options) => options
            .UseSqlite(connectionString)
            .AddInterceptors(new SqliteConnectionSettings(busyTimeout, pageCache), provider.GetRequiredService<CatalogueChangeInterceptor>()));
        return services;
    }

    /// <summary>Tools stored before duplicate checks existed get their normalised URL once; afterwards this finds nothing.</summary>
    internal static async Task FillMissingNormalisedUrlsAsync(CatalogueDbContext db)
    {
        if (!await ExistsAsync(db, """SELECT 1 FROM "Tools" WHERE "NormalisedUrl" = '' """))
        {
            return;
        }

        var tools = await db.Tools.Where(t => t.NormalisedUrl == "").ToListAsync();
        tools.ForEach(t => t.NormalisedUrl = UrlNormaliser.Normalise(t.Url));
        await db.SaveChangesAsync();
    }

    /// <summary>The SQLite file comes from <c>Database:Path</c>, relative to the content root unless absolute.</summary>
    public static string ConnectionString(IConfiguration configuration, IHostEnvironment environment)
    {
        var path = configuration["Database:Path"] is { Length: > 0 } configured ? configured : DefaultPath;
        var fullPath = Path.GetFullPath(path, environment.ContentRootPath);
        Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
        return new SqliteConnectionStringBuilder
        {
            DataSource = fullPath,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
        }.ToString();
    }

    /// <summary>
    /// Applies the provider's migrations (EF Core takes a lock, so instances starting together take turns).
    /// On SQLite it also switches on WAL, which lets readers carry on while a writer commits; it is stored in the
    /// file, so setting it once is enough.
    /// </summary>
    public static async Task MigrateAsync(this CatalogueDbContext db, CancellationToken cancellationToken = default)
    {
        // Migrate itself also compares the model with the migrations' snapshot, which took about half a second of
        // every start on an up-to-date database, so it runs only when something is pending.
        if (!await HasEveryMigrationAsync(db, cancellationToken))
        {
            await db.Database.MigrateAsync(cancellationToken);
        }

        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", cancellationToken);
        }
    }

    /// <summary>
    /// Whether the history table already lists every migration this build knows, read with one plain SQL query rather
    /// than EF Core's GetPendingMigrations, which first builds a model of the history table (about 150 ms of every
    /// start). The same count and the same latest id mean nothing is pending, as EF Core applies migrations in order.
    /// </summary>
    private static async Task<bool> HasEveryMigrationAsync(CatalogueDbContext db, CancellationToken cancellationToken)
    {
        var known = db.Database.GetMigrations().ToList();
        try
        {
            return known.Count > 0 && await ReadRowAsync(
                db,
                """SELECT COUNT(*), MAX("MigrationId") FROM "__EFMigrationsHistory" """,
                row => row.GetInt64(0) == known.Count && !row.IsDBNull(1) && row.GetString(1) == known[^1],
                cancellationToken);
        }
        catch (DbException)
        {
            // No history table: a new database.
            return false;
        }
    }

    /// <summary>Whether a query finds a row.</summary>
    internal static Task<bool> ExistsAsync(CatalogueDbContext db, string sql) =>
        ReadRowAsync(db, $"SELECT EXISTS ({sql})", row => row.GetBoolean(0), CancellationToken.None);

    /// <summary>
    /// Reads the one row of a plain SQL query on the context's connection. Start-up asks its questions this way: as
    /// LINQ, the first of them paid for compiling EF Core's query pipeline (about 200 ms) before the server could start.
    /// </summary>
    private static async Task<T> ReadRowAsync<T>(CatalogueDbContext db, string sql, Func<DbDataReader, T> read, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = sql;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            return read(reader);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
