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

    /// <summary>
    /// Issue18HonestContent clears what the old seed files invented and keeps what people recorded, and the search
    /// triggers its table rebuilds drop are back afterwards (Issue18AfterRebuild).
    /// </summary>
    [Fact]
    public async Task Issue18_ClearsInventedDates_KeepsRealOnes_AndSearchStillFollowsTools()
    {
        var path = Path.Combine(Path.GetTempPath(), "persona-catalogue-tests", Guid.NewGuid().ToString("N") + ".db");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var options = new DbContextOptionsBuilder<CatalogueDbContext>().UseSqlite($"Data Source={path};Pooling=False").Options;
        try
        {
            await using (var before = new CatalogueDbContext(options))
            {
                await before.GetService<IMigrator>().MigrateAsync("20261206134703_Issue20ToolSkillLevel", Ct);
                await before.Database.ExecuteSqlRawAsync("""
                    INSERT INTO AuditEvents (At, UserId, UserEmail, Action, TargetType, TargetKey, Details)
                    VALUES ('2026-12-01 09:00:00', 'system', 'system', 'seed-data.imported', 'seed-data', 'seed-data', '{{}}');
                    INSERT INTO Tools (Id, Slug, Name, Url, NormalisedUrl, Summary, Description, Kind, Cost, IsOpen, Publisher, Status, AddedAt, LastReviewedAt, Source)
                    VALUES (1, 'seeded', 'Seeded tool', 'https://a.example.org/', 'a.example.org', 'S', 'Heron', 'Guide', 'Free', 0, 'P', 'Published', '2018-05-10 00:00:00', '2018-05-10 00:00:00', 'seed-data'),
                           (2, 'approved', 'Approved tool', 'https://b.example.org/', 'b.example.org', 'S', 'D', 'Guide', 'Free', 1, 'P', 'Published', '2026-12-02 10:00:00', '2026-12-02 10:00:00', 'TS-ABCDE'),
                           (3, 'edited', 'Edited seed tool', 'https://c.example.org/', 'c.example.org', 'S', 'D', 'Guide', 'Free', 1, 'P', 'Published', '2019-01-01 00:00:00', '2026-12-03 11:00:00', 'seed-data');
                    INSERT INTO Personas (Id, Slug, Name, Role, Summary, Description, Goals, NeedsToKnow, Frustrations, Iteration, LastReviewedOn, "Order")
                    VALUES (1, 'robin', 'Robin', 'Designer', 'Designs', 'Robin.', '[]', '[]', '[]', 3, '2026-11-01', 1);
                    INSERT INTO PersonaIterations (PersonaId, Number, PublishedOn, ChangeNotes)
                    VALUES (1, 1, '2017-11-15', 'Invented'), (1, 2, '2018-02-20', 'Invented'), (1, 3, '2018-05-10', 'Announced');
                    """, Ct);
            }

            await using var after = new CatalogueDbContext(options);
            await after.Database.MigrateAsync(Ct);

            var tools = await after.Tools.AsNoTracking().OrderBy(t => t.Id).Select(t => new { t.AddedAt, t.LastReviewedAt, t.IsOpen }).ToListAsync(Ct);
            Assert.Equal(new DateTime(2026, 12, 1, 9, 0, 0), tools[0].AddedAt);
            Assert.Null(tools[0].LastReviewedAt);
            Assert.Equal((new DateTime(2026, 12, 2, 10, 0, 0), (DateTime?)new DateTime(2026, 12, 2, 10, 0, 0)), (tools[1].AddedAt, tools[1].LastReviewedAt));
            Assert.Equal((new DateTime(2026, 12, 1, 9, 0, 0), (DateTime?)new DateTime(2026, 12, 3, 11, 0, 0)), (tools[2].AddedAt, tools[2].LastReviewedAt));
            Assert.Equal([(bool?)false, true, true], tools.Select(t => t.IsOpen));
            Assert.Null((await after.Personas.AsNoTracking().SingleAsync(Ct)).LastReviewedOn);
            Assert.Equal([null, null, new DateOnly(2018, 5, 10)], await after.PersonaIterations.OrderBy(i => i.Number).Select(i => i.PublishedOn).ToListAsync(Ct));

            // The triggers are back: a renamed tool and persona are found by their new names.
            await after.Database.ExecuteSqlRawAsync("UPDATE Tools SET Name = 'Kingfisher tool' WHERE Id = 1; UPDATE Personas SET Role = 'Cormorant' WHERE Id = 1;", Ct);
            Assert.Equal(["persona:robin", "tool:seeded"], await after.Database
                .SqlQueryRaw<string>("SELECT EntityType || ':' || Slug AS Value FROM SearchIndex WHERE SearchIndex MATCH 'kingfisher OR cormorant' ORDER BY 1")
                .ToListAsync(Ct));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }

    /// <summary>The search index rebuilt with prefix indexes keeps every row it had, and a prefix search finds them.</summary>
    [Fact]
    public async Task Issue21_RebuildsTheSearchIndexWithPrefixes_KeepingItsRows()
    {
        var path = Path.Combine(Path.GetTempPath(), "persona-catalogue-tests", Guid.NewGuid().ToString("N") + ".db");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var options = new DbContextOptionsBuilder<CatalogueDbContext>().UseSqlite($"Data Source={path};Pooling=False").Options;
        try
        {
            await using (var before = new CatalogueDbContext(options))
            {
                await before.GetService<IMigrator>().MigrateAsync("20261206150254_Issue18AfterRebuild", Ct);
                await before.Database.ExecuteSqlRawAsync("""
                    INSERT INTO Tools (Id, Slug, Name, Url, NormalisedUrl, Summary, Description, Kind, Cost, IsOpen, Publisher, Status, AddedAt, Source)
                    VALUES (7, 'herons', 'Heronry counts', 'https://a.example.org/', 'a.example.org', 'Sightings', 'Wading birds', 'Guide', 'Free', 0, 'P', 'Published', '2026-12-01 00:00:00', 'seed-data'),
                           (8, 'draft', 'Heron draft', 'https://b.example.org/', 'b.example.org', 'S', 'D', 'Guide', 'Free', 0, 'P', 'Pending', '2026-12-01 00:00:00', 'seed-data');
                    """, Ct);
            }

            await using var after = new CatalogueDbContext(options);
            await after.Database.MigrateAsync(Ct);

            var definition = await after.Database.SqlQueryRaw<string>("SELECT sql AS Value FROM sqlite_master WHERE name = 'SearchIndex'").SingleAsync(Ct);
            Assert.Contains("prefix = '2 3 4'", definition);
            // Two-, three- and four-letter prefixes (each served by a prefix index) and a longer one, on the copied row alone.
            foreach (var prefix in new[] { "he", "her", "hero", "heronr", "wad" })
            {
                Assert.Equal(["tool:herons"], await after.Database
                    .SqlQuery<string>($"SELECT EntityType || ':' || Slug AS Value FROM SearchIndex WHERE SearchIndex MATCH {'"' + prefix + "\"*"} AND EntityType = 'tool'")
                    .ToListAsync(Ct));
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }
}
