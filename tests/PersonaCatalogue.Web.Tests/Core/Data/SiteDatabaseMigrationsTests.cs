using Microsoft.EntityFrameworkCore;
using PersonaCatalogue.Web.Tests.Infrastructure;

namespace PersonaCatalogue.Web.Tests.Core.Data;

/// <summary>
/// The site's own database after its first start. Both providers' migrations and compiled models are checked without a
/// server in PersonaCatalogue.Core.Tests (Data/MigrationsTests).
/// </summary>
public class SiteDatabaseMigrationsTests(CatalogueAppFactory app) : IClassFixture<CatalogueAppFactory>
{
    /// <summary>Against this test project's database: SQLite here, PostgreSQL in the PostgreSQL test project.</summary>
    [Fact]
    public async Task Model_HasNoChangesWithoutAMigration_AndEveryMigrationIsApplied()
    {
        await using var db = app.CreateDbContext();

        Assert.False(db.Database.HasPendingModelChanges(), "the model changed without a migration: run dotnet ef migrations add");
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
    }
}
