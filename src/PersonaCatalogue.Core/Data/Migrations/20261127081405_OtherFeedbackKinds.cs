using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PersonaCatalogue.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class OtherFeedbackKinds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // SQLite cannot add a check constraint or a foreign key to a table, so the Feedback table is rebuilt with its
            // new columns, constraints and key. EF Core's own rebuild turns foreign keys off, which SQLite allows only
            // outside a transaction, so a crash half way would leave the migration half applied. Nothing references
            // Feedback yet (SupportNeedAreas is created below), so the rebuild can keep foreign keys on and run in the
            // migration's one transaction: either all of it happens or none of it does.
            migrationBuilder.Sql("""
                CREATE TABLE "ef_temp_Feedback" (
                    "Id" INTEGER NOT NULL CONSTRAINT "PK_Feedback" PRIMARY KEY AUTOINCREMENT,
                    "CommentPublished" INTEGER NOT NULL,
                    "ConsentToPublish" INTEGER NOT NULL,
                    "CreatedAt" TEXT NOT NULL,
                    "Email" TEXT NULL,
                    "GiverRole" TEXT NULL,
                    "Helped" INTEGER NULL,
                    "HowWouldYouUseIt" TEXT NULL,
                    "Iteration" INTEGER NULL,
                    "Kind" TEXT NOT NULL,
                    "MissingOrWrong" TEXT NULL,
                    "MissingRole" TEXT NULL,
                    "PersonaId" INTEGER NULL,
                    "ReviewedAt" TEXT NULL,
                    "ReviewedBy" TEXT NULL,
                    "RightPeople" TEXT NULL,
                    "Status" TEXT NOT NULL,
                    "SupportNeeded" TEXT NULL,
                    "ToolId" INTEGER NULL,
                    "Usefulness" TEXT NULL,
                    "WhatItHelpedWith" TEXT NULL,
                    "WhatTheyDo" TEXT NULL,
                    "WhatTheyNeedToKnow" TEXT NULL,
                    CONSTRAINT "CK_Feedback_MissingPersonaAnswered" CHECK ("Kind" <> 'MissingPersona' OR ("MissingRole" IS NOT NULL AND "WhatTheyDo" IS NOT NULL AND "WhatTheyNeedToKnow" IS NOT NULL)),
                    CONSTRAINT "CK_Feedback_OnlyPersonaCommentsPublished" CHECK ("CommentPublished" = 0 OR "Kind" = 'Persona'),
                    CONSTRAINT "CK_Feedback_PersonaFeedbackAnswered" CHECK ("Kind" <> 'Persona' OR ("PersonaId" IS NOT NULL AND "Iteration" IS NOT NULL AND "Usefulness" IS NOT NULL AND "RightPeople" IS NOT NULL)),
                    CONSTRAINT "CK_Feedback_PublishedNeedsConsent" CHECK ("CommentPublished" = 0 OR "ConsentToPublish" = 1),
                    CONSTRAINT "CK_Feedback_SupportNeedAnswered" CHECK ("Kind" <> 'SupportNeed' OR "SupportNeeded" IS NOT NULL),
                    CONSTRAINT "CK_Feedback_ToolFeedbackAnswered" CHECK ("Kind" <> 'Tool' OR ("ToolId" IS NOT NULL AND "Helped" IS NOT NULL)),
                    CONSTRAINT "FK_Feedback_Personas_PersonaId" FOREIGN KEY ("PersonaId") REFERENCES "Personas" ("Id") ON DELETE RESTRICT,
                    CONSTRAINT "FK_Feedback_Tools_ToolId" FOREIGN KEY ("ToolId") REFERENCES "Tools" ("Id") ON DELETE RESTRICT
                );
                """);
            migrationBuilder.Sql("""
                INSERT INTO "ef_temp_Feedback" ("Id", "CommentPublished", "ConsentToPublish", "CreatedAt", "Email", "GiverRole", "HowWouldYouUseIt", "Iteration", "Kind", "MissingOrWrong", "PersonaId", "ReviewedAt", "ReviewedBy", "RightPeople", "Status", "Usefulness")
                SELECT "Id", "CommentPublished", "ConsentToPublish", "CreatedAt", "Email", "GiverRole", "HowWouldYouUseIt", "Iteration", "Kind", "MissingOrWrong", "PersonaId", "ReviewedAt", "ReviewedBy", "RightPeople", "Status", "Usefulness"
                FROM "Feedback";
                """);
            migrationBuilder.Sql("""DROP TABLE "Feedback";""");
            migrationBuilder.Sql("""ALTER TABLE "ef_temp_Feedback" RENAME TO "Feedback";""");

            migrationBuilder.CreateIndex(
                name: "IX_Feedback_PersonaId_Iteration_Status",
                table: "Feedback",
                columns: new[] { "PersonaId", "Iteration", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Feedback_Status_CreatedAt",
                table: "Feedback",
                columns: new[] { "Status", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Feedback_ToolId_Status_Helped",
                table: "Feedback",
                columns: new[] { "ToolId", "Status", "Helped" });

            migrationBuilder.CreateTable(
                name: "SupportNeedAreas",
                columns: table => new
                {
                    FeedbackId = table.Column<int>(type: "INTEGER", nullable: false),
                    SkillAreaId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupportNeedAreas", x => new { x.FeedbackId, x.SkillAreaId });
                    table.ForeignKey(
                        name: "FK_SupportNeedAreas_Feedback_FeedbackId",
                        column: x => x.FeedbackId,
                        principalTable: "Feedback",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SupportNeedAreas_SkillAreas_SkillAreaId",
                        column: x => x.SkillAreaId,
                        principalTable: "SkillAreas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SupportNeedAreas_SkillAreaId",
                table: "SupportNeedAreas",
                column: "SkillAreaId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Feedback_Tools_ToolId",
                table: "Feedback");

            migrationBuilder.DropTable(
                name: "SupportNeedAreas");

            migrationBuilder.DropIndex(
                name: "IX_Feedback_ToolId_Status_Helped",
                table: "Feedback");

            migrationBuilder.DropCheckConstraint(
                name: "CK_Feedback_MissingPersonaAnswered",
                table: "Feedback");

            migrationBuilder.DropCheckConstraint(
                name: "CK_Feedback_OnlyPersonaCommentsPublished",
                table: "Feedback");

            migrationBuilder.DropCheckConstraint(
                name: "CK_Feedback_PersonaFeedbackAnswered",
                table: "Feedback");

            migrationBuilder.DropCheckConstraint(
                name: "CK_Feedback_SupportNeedAnswered",
                table: "Feedback");

            migrationBuilder.DropCheckConstraint(
                name: "CK_Feedback_ToolFeedbackAnswered",
                table: "Feedback");

            migrationBuilder.DropColumn(
                name: "Helped",
                table: "Feedback");

            migrationBuilder.DropColumn(
                name: "MissingRole",
                table: "Feedback");

            migrationBuilder.DropColumn(
                name: "SupportNeeded",
                table: "Feedback");

            migrationBuilder.DropColumn(
                name: "ToolId",
                table: "Feedback");

            migrationBuilder.DropColumn(
                name: "WhatItHelpedWith",
                table: "Feedback");

            migrationBuilder.DropColumn(
                name: "WhatTheyDo",
                table: "Feedback");

            migrationBuilder.DropColumn(
                name: "WhatTheyNeedToKnow",
                table: "Feedback");
        }
    }
}
