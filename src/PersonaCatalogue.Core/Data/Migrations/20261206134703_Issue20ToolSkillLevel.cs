using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PersonaCatalogue.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class Issue20ToolSkillLevel : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "SkillLevelId",
                table: "ToolSkills",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_ToolSkills_SkillLevelId",
                table: "ToolSkills",
                column: "SkillLevelId");

            migrationBuilder.AddForeignKey(
                name: "FK_ToolSkills_SkillLevels_SkillLevelId",
                table: "ToolSkills",
                column: "SkillLevelId",
                principalTable: "SkillLevels",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_ToolSkills_SkillLevels_SkillLevelId",
                table: "ToolSkills");

            migrationBuilder.DropIndex(
                name: "IX_ToolSkills_SkillLevelId",
                table: "ToolSkills");

            migrationBuilder.DropColumn(
                name: "SkillLevelId",
                table: "ToolSkills");
        }
    }
}
