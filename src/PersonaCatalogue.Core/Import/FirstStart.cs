using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PersonaCatalogue.Core.Data;

namespace PersonaCatalogue.Core.Import;

/// <summary>What the site does with its database before it serves the first page.</summary>
public static class FirstStart
{
    /// <summary>An arbitrary constant: the PostgreSQL advisory lock that lets one starting instance fill an empty database.</summary>
    private const long SeedImportLock = 0x5045_5253_4f4e_41;

    /// <summary>Brings the database up to date and, when it holds no catalogue yet, fills it from <c>seed-data/</c>.</summary>
    public static async Task PrepareDatabaseAsync(this IServiceProvider services, IConfiguration configuration, IHostEnvironment environment, ILogger logger)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CatalogueDbContext>();
        await db.MigrateAsync();
        await DatabaseSetup.FillMissingNormalisedUrlsAsync(db);
        if (!configuration.GetValue("SeedData:ImportWhenEmpty", true))
        {
            return;
        }

        // Instances sharing a PostgreSQL database may start together: the first to take the lock fills it, the
        // others wait and then find it full. The lock belongs to the session, so the connection stays open.
        var postgres = db.Database.IsNpgsql();
        if (postgres)
        {
            await db.Database.OpenConnectionAsync();
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({SeedImportLock})");
        }

        try
        {
            if (await DatabaseSetup.ExistsAsync(db, """SELECT 1 FROM "Skills" """))
            {
                return;
            }

            var folder = SeedDataFolder.Find(configuration, environment);
            logger.LogInformation("The database is empty: importing {Folder}", folder);
            var report = await scope.ServiceProvider.GetRequiredService<SeedImporter>().ImportAsync(folder);
            logger.LogInformation("Imported {Added} items from seed data", report.Added.Count);
        }
        finally
        {
            if (postgres)
            {
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({SeedImportLock})");
                await db.Database.CloseConnectionAsync();
            }
        }
    }
}
