using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PersonaCatalogue.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class Issue21SearchListing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Tools_Status_Name",
                table: "Tools");

            migrationBuilder.CreateIndex(
                name: "IX_Tools_Status_Name",
                table: "Tools",
                columns: new[] { "Status", "Name", "Kind", "Cost" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Tools_Status_Name",
                table: "Tools");

            migrationBuilder.CreateIndex(
                name: "IX_Tools_Status_Name",
                table: "Tools",
                columns: new[] { "Status", "Name" });
        }
    }
}
