using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PersonaCatalogue.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class OtherFeedbackKinds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "Helped",
                table: "Feedback",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MissingRole",
                table: "Feedback",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SupportNeeded",
                table: "Feedback",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ToolId",
                table: "Feedback",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WhatItHelpedWith",
                table: "Feedback",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WhatTheyDo",
                table: "Feedback",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WhatTheyNeedToKnow",
                table: "Feedback",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

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
                name: "IX_Feedback_ToolId_Status_Helped",
                table: "Feedback",
                columns: new[] { "ToolId", "Status", "Helped" });

            migrationBuilder.AddCheckConstraint(
                name: "CK_Feedback_MissingPersonaAnswered",
                table: "Feedback",
                sql: "\"Kind\" <> 'MissingPersona' OR (\"MissingRole\" IS NOT NULL AND \"WhatTheyDo\" IS NOT NULL AND \"WhatTheyNeedToKnow\" IS NOT NULL)");

            migrationBuilder.AddCheckConstraint(
                name: "CK_Feedback_OnlyPersonaCommentsPublished",
                table: "Feedback",
                sql: "\"CommentPublished\" = 0 OR \"Kind\" = 'Persona'");

            migrationBuilder.AddCheckConstraint(
                name: "CK_Feedback_PersonaFeedbackAnswered",
                table: "Feedback",
                sql: "\"Kind\" <> 'Persona' OR (\"PersonaId\" IS NOT NULL AND \"Iteration\" IS NOT NULL AND \"Usefulness\" IS NOT NULL AND \"RightPeople\" IS NOT NULL)");

            migrationBuilder.AddCheckConstraint(
                name: "CK_Feedback_SupportNeedAnswered",
                table: "Feedback",
                sql: "\"Kind\" <> 'SupportNeed' OR \"SupportNeeded\" IS NOT NULL");

            migrationBuilder.AddCheckConstraint(
                name: "CK_Feedback_ToolFeedbackAnswered",
                table: "Feedback",
                sql: "\"Kind\" <> 'Tool' OR (\"ToolId\" IS NOT NULL AND \"Helped\" IS NOT NULL)");

            migrationBuilder.CreateIndex(
                name: "IX_SupportNeedAreas_SkillAreaId",
                table: "SupportNeedAreas",
                column: "SkillAreaId");

            migrationBuilder.AddForeignKey(
                name: "FK_Feedback_Tools_ToolId",
                table: "Feedback",
                column: "ToolId",
                principalTable: "Tools",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
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
