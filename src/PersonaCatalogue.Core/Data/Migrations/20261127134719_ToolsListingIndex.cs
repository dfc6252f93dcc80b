using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PersonaCatalogue.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class ToolsListingIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Tools_Listing",
                table: "Tools",
                columns: new[] { "Id", "Status", "Kind", "Cost", "IsOpen", "Name", "AddedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Tools_Listing",
                table: "Tools");
        }
    }
}
