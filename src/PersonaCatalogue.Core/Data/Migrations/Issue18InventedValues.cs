using Microsoft.EntityFrameworkCore.Migrations;

namespace PersonaCatalogue.Core.Data.Migrations;

/// <summary>
/// The hand-written part of the Issue18HonestContent migrations (SQLite: run by Issue18AfterRebuild; keep both when
/// regenerating): what an existing
/// database does with the values the old seed files invented, and, on SQLite, the search triggers that the column
/// changes' table rebuilds drop.
/// <list type="bullet">
/// <item>A seed tool's "last reviewed" that equals its "added" was never a review (the importer copied one into the
/// other): cleared, so the tool shows "Not reviewed yet". A moderator's edits and approvals stamped a real time, kept.</item>
/// <item>A seed tool's "added" before the catalogue's first recorded seed import (the 2018–2024 dates typed into the
/// files) becomes that import's time, the earliest it can have entered this catalogue. Without an audited import it is
/// kept, as nothing better is known.</item>
/// <item>The personas' 1 November 2026 review date and the dates of iterations 1 and 2 (15 November 2017, 20 February
/// 2018), which no source gives, are cleared; the next import replaces their notes.</item>
/// </list>
/// Openness is kept as it was: a "no" the seed files typed without a source becomes "not known" at the next import.
/// </summary>
internal static class Issue18InventedValues
{
    public static void ClearOnSqlite(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            UPDATE Tools SET LastReviewedAt = NULL WHERE Source = 'seed-data' AND LastReviewedAt = AddedAt;
            UPDATE Tools SET AddedAt = (SELECT min(At) FROM AuditEvents WHERE Action = 'seed-data.imported')
            WHERE Source = 'seed-data' AND AddedAt < (SELECT min(At) FROM AuditEvents WHERE Action = 'seed-data.imported');
            UPDATE Personas SET LastReviewedOn = NULL WHERE LastReviewedOn = '2026-11-01';
            UPDATE PersonaIterations SET PublishedOn = NULL
            WHERE (Number = 1 AND PublishedOn = '2017-11-15') OR (Number = 2 AND PublishedOn = '2018-02-20');
            """);
    }

    public static void ClearOnPostgres(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            UPDATE "Tools" SET "LastReviewedAt" = NULL WHERE "Source" = 'seed-data' AND "LastReviewedAt" = "AddedAt";
            UPDATE "Tools" SET "AddedAt" = (SELECT min("At") FROM "AuditEvents" WHERE "Action" = 'seed-data.imported')
            WHERE "Source" = 'seed-data' AND "AddedAt" < (SELECT min("At") FROM "AuditEvents" WHERE "Action" = 'seed-data.imported');
            UPDATE "Personas" SET "LastReviewedOn" = NULL WHERE "LastReviewedOn" = DATE '2026-11-01';
            UPDATE "PersonaIterations" SET "PublishedOn" = NULL
            WHERE ("Number" = 1 AND "PublishedOn" = DATE '2017-11-15') OR ("Number" = 2 AND "PublishedOn" = DATE '2018-02-20');
            """);
    }

    /// <summary>SQLite rebuilds Tools and Personas to make their columns nullable, which drops their search triggers.</summary>
    public static void RecreateSqliteSearchTriggers(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[] { "Tools", "Personas" })
        {
            foreach (var action in new[] { "Insert", "Update", "Delete" })
            {
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS {table}_SearchIndex_{action};");
            }
        }

        AddSearchIndex.CreateToolTriggers(migrationBuilder);
        AddSearchIndex.CreatePersonaTriggers(migrationBuilder);
    }
}
