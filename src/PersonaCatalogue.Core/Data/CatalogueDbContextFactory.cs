using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace PersonaCatalogue.Core.Data;

/// <summary>
/// Lets <c>dotnet ef migrations add --context CatalogueDbContext</c> build the SQLite model. Without it the tools take
/// <see cref="PostgresCatalogueDbContextFactory"/> for this context too (its context derives from this one), and a
/// "SQLite" migration would be made from the PostgreSQL model. The file is used only by commands that connect.
/// </summary>
public class CatalogueDbContextFactory : IDesignTimeDbContextFactory<CatalogueDbContext>
{
    public CatalogueDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<CatalogueDbContext>().UseSqlite($"Data Source={DatabaseSetup.DefaultPath}").Options);
}
