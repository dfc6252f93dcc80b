using Microsoft.EntityFrameworkCore;
using PersonaCatalogue.Web.Data;
using PersonaCatalogue.Web.Tests.Infrastructure;

namespace PersonaCatalogue.Web.Tests.Data;

public class MigrationsTests(CatalogueAppFactory app) : IClassFixture<CatalogueAppFactory>
{
    /// <summary>Against this test project's database: SQLite here, PostgreSQL in the PostgreSQL test project.</summary>
    [Fact]
    public async Task Model_HasNoChangesWithoutAMigration_AndEveryMigrationIsApplied()
    {
        await using var db = app.CreateDbContext();

        Assert.False(db.Database.HasPendingModelChanges(), "the model changed without a migration: run dotnet ef migrations add");
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
    }

    /// <summary>Both providers' migrations, compared with the model without a server, so a missing one fails even where no PostgreSQL runs.</summary>
    [Fact]
    public void EveryProvider_HasAMigrationForTheCurrentModel()
    {
        using var sqlite = new CatalogueDbContext(new DbContextOptionsBuilder<CatalogueDbContext>().UseSqlite("Data Source=:memory:").Options);
        using var postgres = new PostgresCatalogueDbContextFactory().CreateDbContext([]);

        Assert.False(sqlite.Database.HasPendingModelChanges(), "the SQLite model changed without a migration: dotnet ef migrations add <Name> --context CatalogueDbContext");
        Assert.False(postgres.Database.HasPendingModelChanges(), "the PostgreSQL model changed without a migration: dotnet ef migrations add <Name> --context PostgresCatalogueDbContext -o Data/Migrations/PostgreSQL");
    }
}
