using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PersonaCatalogue.Core.Data.Migrations;

/// <summary>
/// The FTS5 index behind site search and the tools list keyword search. It is not part of the EF model:
/// triggers keep it in step with Tools, Personas and Skills, so every write path (import, moderation) updates it.
/// Rowid = entity id * 4 + kind (0 tool, 1 persona, 2 skill), so each trigger touches its row without a scan.
/// Only published tools are indexed.
/// </summary>
public partial class AddSearchIndex : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            CREATE VIRTUAL TABLE SearchIndex USING fts5(
                EntityType UNINDEXED, EntityId UNINDEXED, Slug UNINDEXED, Title, Summary, Body,
                tokenize = 'porter unicode61 remove_diacritics 2');
            """);

        CreateToolTriggers(migrationBuilder);
        CreatePersonaTriggers(migrationBuilder);

        migrationBuilder.Sql("""
            CREATE TRIGGER Skills_SearchIndex_Insert AFTER INSERT ON Skills BEGIN
                INSERT INTO SearchIndex (rowid, EntityType, EntityId, Slug, Title, Summary, Body)
                VALUES (new.Id * 4 + 2, 'skill', new.Id, new.Slug, new.Name, '', new.Description);
            END;
            """);
        migrationBuilder.Sql("""
            CREATE TRIGGER Skills_SearchIndex_Update AFTER UPDATE ON Skills BEGIN
                DELETE FROM SearchIndex WHERE rowid = old.Id * 4 + 2;
                INSERT INTO SearchIndex (rowid, EntityType, EntityId, Slug, Title, Summary, Body)
                VALUES (new.Id * 4 + 2, 'skill', new.Id, new.Slug, new.Name, '', new.Description);
            END;
            """);
        migrationBuilder.Sql("""
            CREATE TRIGGER Skills_SearchIndex_Delete AFTER DELETE ON Skills BEGIN
                DELETE FROM SearchIndex WHERE rowid = old.Id * 4 + 2;
            END;
            """);
    }

    /// <summary>Also run by Issue18HonestContent, whose table rebuild drops the triggers.</summary>
    internal static void CreateToolTriggers(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            CREATE TRIGGER Tools_SearchIndex_Insert AFTER INSERT ON Tools WHEN new.Status = 'Published' BEGIN
                INSERT INTO SearchIndex (rowid, EntityType, EntityId, Slug, Title, Summary, Body)
                VALUES (new.Id * 4, 'tool', new.Id, new.Slug, new.Name, new.Summary, new.Description || ' ' || new.Publisher);
            END;
            """);
        migrationBuilder.Sql("""
            CREATE TRIGGER Tools_SearchIndex_Update AFTER UPDATE ON Tools BEGIN
                DELETE FROM SearchIndex WHERE rowid = old.Id * 4;
                INSERT INTO SearchIndex (rowid, EntityType, EntityId, Slug, Title, Summary, Body)
                SELECT new.Id * 4, 'tool', new.Id, new.Slug, new.Name, new.Summary, new.Description || ' ' || new.Publisher
                WHERE new.Status = 'Published';
            END;
            """);
        migrationBuilder.Sql("""
            CREATE TRIGGER Tools_SearchIndex_Delete AFTER DELETE ON Tools BEGIN
                DELETE FROM SearchIndex WHERE rowid = old.Id * 4;
            END;
            """);
    }

    /// <summary>Also run by Issue18HonestContent, whose table rebuild drops the triggers.</summary>
    internal static void CreatePersonaTriggers(MigrationBuilder migrationBuilder)
    {
        const string personaRow = """
            SELECT new.Id * 4 + 1, 'persona', new.Id, new.Slug, new.Name || ' — ' || new.Role, new.Summary,
                   new.Description || ' ' ||
                   coalesce((SELECT group_concat(value, ' ') FROM json_each(new.Goals)), '') || ' ' ||
                   coalesce((SELECT group_concat(value, ' ') FROM json_each(new.NeedsToKnow)), '')
            """;
        migrationBuilder.Sql($"""
            CREATE TRIGGER Personas_SearchIndex_Insert AFTER INSERT ON Personas BEGIN
                INSERT INTO SearchIndex (rowid, EntityType, EntityId, Slug, Title, Summary, Body)
                {personaRow};
            END;
            """);
        migrationBuilder.Sql($"""
            CREATE TRIGGER Personas_SearchIndex_Update AFTER UPDATE ON Personas BEGIN
                DELETE FROM SearchIndex WHERE rowid = old.Id * 4 + 1;
                INSERT INTO SearchIndex (rowid, EntityType, EntityId, Slug, Title, Summary, Body)
                {personaRow};
            END;
            """);
        migrationBuilder.Sql("""
            CREATE TRIGGER Personas_SearchIndex_Delete AFTER DELETE ON Personas BEGIN
                DELETE FROM SearchIndex WHERE rowid = old.Id * 4 + 1;
            END;
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[] { "Tools", "Personas", "Skills" })
        {
            foreach (var action in new[] { "Insert", "Update", "Delete" })
            {
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS {table}_SearchIndex_{action};");
            }
        }

        migrationBuilder.Sql("DROP TABLE IF EXISTS SearchIndex;");
    }
}
