using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using PersonaCatalogue.Core.Data;
using PersonaCatalogue.Core.Data.Entities;

namespace PersonaCatalogue.Core.Tests.Data;

/// <summary>
/// The migrations and compiled models of both providers, checked against the code without a server, and a migration
/// that moves data, run on a real SQLite file. That the site's own database (SQLite, or PostgreSQL in the PostgreSQL
/// test project) ends up fully migrated is PersonaCatalogue.Web.Tests' SiteDatabaseMigrationsTests.
/// </summary>
public class MigrationsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Both providers' migrations, compared with the model without a server, so a missing one fails even where no PostgreSQL runs.</summary>
    [Fact]
    public void EveryProvider_HasAMigrationForTheCurrentModel()
    {
        using var sqlite = new CatalogueDbContext(new DbContextOptionsBuilder<CatalogueDbContext>().UseSqlite("Data Source=:memory:").Options);
        using var postgres = new PostgresCatalogueDbContextFactory().CreateDbContext([]);

        Assert.False(sqlite.Database.HasPendingModelChanges(), "the SQLite model changed without a migration: dotnet ef migrations add <Name> --context CatalogueDbContext");
        Assert.False(postgres.Database.HasPendingModelChanges(), "the PostgreSQL model changed without a migration: dotnet ef migrations add <Name> --context PostgresCatalogueDbContext -o Data/Migrations/PostgreSQL");
    }

    /// <summary>
    /// The running site uses the compiled models in Data/CompiledModels (they save building the model at every start);
    /// they are generated from the code, so a model change without regenerating them would leave the site on the old one.
    /// </summary>
    [Fact]
    public void EveryProvider_RunsOnACompiledModelThatMatchesTheCode()
    {
        using var sqlite = new CatalogueDbContext(new DbContextOptionsBuilder<CatalogueDbContext>().UseSqlite("Data Source=:memory:").Options);
        using var postgres = new PostgresCatalogueDbContextFactory().CreateDbContext([]);
        Assert.IsType<PersonaCatalogue.Core.Data.CompiledModels.Sqlite.CatalogueDbContextModel>(sqlite.Model);
        Assert.IsType<PersonaCatalogue.Core.Data.CompiledModels.PostgreSQL.PostgresCatalogueDbContextModel>(postgres.Model);

        foreach (var (db, regenerate) in new (CatalogueDbContext, string)[]
        {
            (sqlite, "dotnet ef dbcontext optimize --context CatalogueDbContext --output-dir Data/CompiledModels/Sqlite --namespace PersonaCatalogue.Core.Data.CompiledModels.Sqlite"),
            (postgres, "dotnet ef dbcontext optimize --context PostgresCatalogueDbContext --output-dir Data/CompiledModels/PostgreSQL --namespace PersonaCatalogue.Core.Data.CompiledModels.PostgreSQL"),
        })
        {
            // Every entity, property (with its type, column and conversion), key, foreign key and index, as EF Core
            // lists them; not the ad-hoc types (raw SQL results) the running model gains as queries use them.
            var fromCode = Describe(db.GetService<IDesignTimeModel>().Model);
            var compiled = Describe(db.Model);
            var codeOnly = fromCode.Except(compiled).FirstOrDefault();
            var compiledOnly = compiled.Except(fromCode).FirstOrDefault();
            Assert.True(codeOnly is null && compiledOnly is null, $"the compiled model is out of date: {regenerate}\nin the code: {codeOnly}\ncompiled: {compiledOnly}");
        }
    }

    private static List<string> Describe(IModel model) =>
        [.. model.GetEntityTypes().OrderBy(e => e.Name).Select(e => e.ToDebugString(MetadataDebugStringOptions.ShortDefault))];

    /// <summary>The migration that rebuilds the Feedback table keeps the persona feedback already given, and its new rules hold.</summary>
    [Fact]
    public async Task OtherFeedbackKinds_KeepsPersonaFeedbackGivenBefore_AndChecksEachKindsAnswers()
    {
        var path = Path.Combine(Path.GetTempPath(), "persona-catalogue-tests", Guid.NewGuid().ToString("N") + ".db");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var options = new DbContextOptionsBuilder<CatalogueDbContext>().UseSqlite($"Data Source={path};Pooling=False").Options;
        try
        {
            await using (var before = new CatalogueDbContext(options))
            {
                await before.GetService<IMigrator>().MigrateAsync("20261127062509_PersonaFeedback", Ct);
                await before.Database.ExecuteSqlRawAsync("""
                    INSERT INTO Personas (Id, Slug, Name, Role, Summary, Description, Goals, NeedsToKnow, Frustrations, Iteration, LastReviewedOn, "Order")
                    VALUES (1, 'robin', 'Robin', 'Designer', 'Designs', 'Robin.', '[]', '[]', '[]', 2, '2026-01-01', 1);
                    INSERT INTO Feedback (Id, Kind, Status, GiverRole, ConsentToPublish, CommentPublished, Email, CreatedAt, PersonaId, Iteration, Usefulness, RightPeople, MissingOrWrong)
                    VALUES (7, 'Persona', 'Reviewed', 'Other', 1, 1, 'kept@example.org', '2026-02-01 10:00:00', 1, 2, 'VeryUseful', 'Partly', 'Kept through the migration');
                    """, Ct);
            }

            await using var after = new CatalogueDbContext(options);
            await after.Database.MigrateAsync(Ct);

            var kept = await after.PersonaFeedback.AsNoTracking().SingleAsync(Ct);
            Assert.Equal(7, kept.Id);
            Assert.Equal((1, 2, Usefulness.VeryUseful, RightPeople.Partly, FeedbackStatus.Reviewed), (kept.PersonaId, kept.Iteration, kept.Usefulness, kept.RightPeople, kept.Status));
            Assert.Equal(("Kept through the migration", "kept@example.org", true, true), (kept.MissingOrWrong, kept.Email, kept.ConsentToPublish, kept.CommentPublished));
            Assert.Empty(await after.Database.SqlQueryRaw<string>("SELECT \"table\" AS Value FROM pragma_foreign_key_check").ToListAsync(Ct));

            // New ids carry on after the kept ones, and the new rules are in the table.
            after.MissingPersonaFeedback.Add(new MissingPersonaFeedback { MissingRole = "Clerk", WhatTheyDo = "Minutes", WhatTheyNeedToKnow = "Data", CreatedAt = DateTime.UtcNow });
            await after.SaveChangesAsync(Ct);
            Assert.True(await after.MissingPersonaFeedback.Select(f => f.Id).SingleAsync(Ct) > 7);
            await Assert.ThrowsAsync<SqliteException>(() => after.Database.ExecuteSqlRawAsync(
                "INSERT INTO Feedback (Kind, Status, ConsentToPublish, CommentPublished, CreatedAt) VALUES ('Tool', 'New', 0, 0, '2026-02-02')", Ct));
            await Assert.ThrowsAsync<SqliteException>(() => after.Database.ExecuteSqlRawAsync(
                "INSERT INTO Feedback (Kind, Status, ConsentToPublish, CommentPublished, CreatedAt, SupportNeeded) VALUES ('SupportNeed', 'New', 1, 1, '2026-02-02', 'Help')", Ct));
            await Assert.ThrowsAsync<SqliteException>(() => after.Database.ExecuteSqlRawAsync(
                "INSERT INTO Feedback (Kind, Status, ConsentToPublish, CommentPublished, CreatedAt, ToolId, Helped) VALUES ('Tool', 'New', 0, 0, '2026-02-02', 999, 1)", Ct));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }
}
