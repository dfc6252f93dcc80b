using Microsoft.EntityFrameworkCore.Migrations;

namespace PersonaCatalogue.Core.Data.Migrations.PostgreSQL;

/// <summary>
/// PostgreSQL's twin of the SQLite FTS5 index (see the SQLite AddSearchIndex migration): one <c>SearchIndex</c>
/// table, outside the EF model, kept in step with Tools, Personas and Skills by triggers, with a generated
/// <c>tsvector</c> column under a GIN index. Title, summary and body are weighted A, B and D for ranking. The
/// <c>catalogue_search</c> configuration is English stemming with accents removed, like FTS5's porter tokenizer
/// with remove_diacritics. Only published tools are indexed. Kept apart from the generated migration so that it
/// survives regenerating it: the Initial migration calls <see cref="Create"/> last (and <see cref="Drop"/> first when reverted).
/// </summary>
public static class PostgresSearchIndex
{
    public static void Create(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            CREATE EXTENSION IF NOT EXISTS unaccent;
            CREATE TEXT SEARCH CONFIGURATION catalogue_search (COPY = english);
            ALTER TEXT SEARCH CONFIGURATION catalogue_search
                ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem;
            """);

        migrationBuilder.Sql("""
            CREATE TABLE "SearchIndex" (
                "EntityType" text NOT NULL,
                "EntityId" integer NOT NULL,
                "Slug" text NOT NULL,
                "Title" text NOT NULL,
                "Summary" text NOT NULL,
                "Body" text NOT NULL,
                "Document" tsvector GENERATED ALWAYS AS (
                    setweight(to_tsvector('catalogue_search', "Title"), 'A') ||
                    setweight(to_tsvector('catalogue_search', "Summary"), 'B') ||
                    setweight(to_tsvector('catalogue_search', "Body"), 'D')) STORED,
                CONSTRAINT "PK_SearchIndex" PRIMARY KEY ("EntityType", "EntityId"));
            CREATE INDEX "IX_SearchIndex_Document" ON "SearchIndex" USING GIN ("Document");
            """);

        Trigger(migrationBuilder, "Tools", "tool", """
            IF NEW."Status" = 'Published' THEN
                INSERT INTO "SearchIndex" ("EntityType", "EntityId", "Slug", "Title", "Summary", "Body")
                VALUES ('tool', NEW."Id", NEW."Slug", NEW."Name", NEW."Summary", NEW."Description" || ' ' || NEW."Publisher");
            END IF;
            """);
        Trigger(migrationBuilder, "Personas", "persona", """
            INSERT INTO "SearchIndex" ("EntityType", "EntityId", "Slug", "Title", "Summary", "Body")
            VALUES ('persona', NEW."Id", NEW."Slug", NEW."Name" || ' — ' || NEW."Role", NEW."Summary",
                    NEW."Description" || ' ' || array_to_string(NEW."Goals", ' ') || ' ' || array_to_string(NEW."NeedsToKnow", ' '));
            """);
        Trigger(migrationBuilder, "Skills", "skill", """
            INSERT INTO "SearchIndex" ("EntityType", "EntityId", "Slug", "Title", "Summary", "Body")
            VALUES ('skill', NEW."Id", NEW."Slug", NEW."Name", '', NEW."Description");
            """);
    }

    public static void Drop(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[] { "Tools", "Personas", "Skills" })
        {
            migrationBuilder.Sql($"""DROP TRIGGER IF EXISTS "{table}_SearchIndex" ON "{table}"; DROP FUNCTION IF EXISTS "{table}_SearchIndex"();""");
        }

        migrationBuilder.Sql("""
            DROP TABLE IF EXISTS "SearchIndex";
            DROP TEXT SEARCH CONFIGURATION IF EXISTS catalogue_search;
            """);
    }

    /// <summary>One row-level trigger per table: drop the entity's row on update or delete, write it again on insert or update.</summary>
    private static void Trigger(MigrationBuilder migrationBuilder, string table, string entityType, string insertNewRow) =>
        migrationBuilder.Sql($$"""
            CREATE FUNCTION "{{table}}_SearchIndex"() RETURNS trigger LANGUAGE plpgsql AS $body$
            BEGIN
                IF TG_OP <> 'INSERT' THEN
                    DELETE FROM "SearchIndex" WHERE "EntityType" = '{{entityType}}' AND "EntityId" = OLD."Id";
                END IF;
                IF TG_OP <> 'DELETE' THEN
                    {{insertNewRow}}
                END IF;
                RETURN NULL;
            END
            $body$;
            CREATE TRIGGER "{{table}}_SearchIndex" AFTER INSERT OR UPDATE OR DELETE ON "{{table}}"
                FOR EACH ROW EXECUTE FUNCTION "{{table}}_SearchIndex"();
            """);
}
