using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PersonaCatalogue.Core.Data.Migrations
{
    /// <summary>
    /// Hand-written (keep when regenerating): clears the values the old seed files invented, and puts back the search
    /// triggers on Tools and Personas that Issue18HonestContent's table rebuilds drop (see Issue18InventedValues). A
    /// migration of its own because EF runs a migration's rebuilds after its other operations, so only now are the
    /// columns nullable and the triggers gone for good. Going down leaves them as they are; Issue18HonestContent's own rebuild on the way down
    /// drops them again, so a database taken below it needs the triggers of AddSearchIndex put back by hand.
    /// </summary>
    public partial class Issue18AfterRebuild : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            Issue18InventedValues.ClearOnSqlite(migrationBuilder);
            Issue18InventedValues.RecreateSqliteSearchTriggers(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
