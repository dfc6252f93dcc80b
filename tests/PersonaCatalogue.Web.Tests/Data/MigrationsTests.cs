using Microsoft.EntityFrameworkCore;
using PersonaCatalogue.Web.Tests.Infrastructure;

namespace PersonaCatalogue.Web.Tests.Data;

public class MigrationsTests(CatalogueAppFactory app) : IClassFixture<CatalogueAppFactory>
{
    [Fact]
    public async Task Model_HasNoChangesWithoutAMigration_AndEveryMigrationIsApplied()
    {
        await using var db = app.CreateDbContext();

        Assert.False(db.Database.HasPendingModelChanges(), "the model changed without a migration: run dotnet ef migrations add");
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
    }
}
