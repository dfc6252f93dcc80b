using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PersonaCatalogue.Web.Features.Import;
using PersonaCatalogue.Web.Infrastructure;
using PersonaCatalogue.Web.Infrastructure.PageCaching;

namespace PersonaCatalogue.Web.Data;

public static class DatabaseSetup
{
    public const string DefaultPath = "App_Data/catalogue.db";

    public static IServiceCollection AddCatalogueDatabase(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var connectionString = ConnectionString(configuration, environment);
        var busyTimeout = configuration.GetValue("Database:BusyTimeoutMilliseconds", 5000);
        services.AddSingleton<PageCacheEviction>();
        services.AddDbContext<CatalogueDbContext>((provider, options) => options
            .UseSqlite(connectionString)
            .AddInterceptors(new SqliteConnectionSettings(busyTimeout), provider.GetRequiredService<PageCacheEviction>()));
        return services;
    }

    /// <summary>Tools stored before duplicate checks existed get their normalised URL once; afterwards this finds nothing.</summary>
    private static async Task FillMissingNormalisedUrlsAsync(CatalogueDbContext db)
    {
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
    /// Brings the database up to date and, when it holds no catalogue yet, fills it from <c>seed-data/</c>.
    /// WAL lets readers carry on while a writer commits; it is stored in the file, so setting it once is enough.
    /// </summary>
    public static async Task PrepareDatabaseAsync(this IServiceProvider services, IConfiguration configuration, IHostEnvironment environment, ILogger logger)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CatalogueDbContext>();
        await db.Database.MigrateAsync();
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;");
        await FillMissingNormalisedUrlsAsync(db);

        if (await db.Skills.AnyAsync() || !configuration.GetValue("SeedData:ImportWhenEmpty", true))
        {
            return;
        }

        var folder = SeedDataFolder.Find(configuration, environment);
        logger.LogInformation("The database is empty: importing {Folder}", folder);
        var report = await scope.ServiceProvider.GetRequiredService<SeedImporter>().ImportAsync(folder);
        logger.LogInformation("Imported {Added} items from seed data", report.Added.Count);
    }
}
