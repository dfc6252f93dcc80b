using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PersonaCatalogue.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class PersonaFeedback : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Feedback",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    GiverRole = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    ConsentToPublish = table.Column<bool>(type: "INTEGER", nullable: false),
                    CommentPublished = table.Column<bool>(type: "INTEGER", nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReviewedBy = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    ReviewedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PersonaId = table.Column<int>(type: "INTEGER", nullable: true),
                    Iteration = table.Column<int>(type: "INTEGER", nullable: true),
                    Usefulness = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    RightPeople = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    MissingOrWrong = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    HowWouldYouUseIt = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Feedback", x => x.Id);
                    table.CheckConstraint("CK_Feedback_PublishedNeedsConsent", "\"CommentPublished\" = 0 OR \"ConsentToPublish\" = 1");
                    table.ForeignKey(
                        name: "FK_Feedback_Personas_PersonaId",
                        column: x => x.PersonaId,
                        principalTable: "Personas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Feedback_PersonaId_Iteration_Status",
                table: "Feedback",
                columns: new[] { "PersonaId", "Iteration", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Feedback_Status_CreatedAt",
                table: "Feedback",
                columns: new[] { "Status", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Feedback");
        }
    }
}
