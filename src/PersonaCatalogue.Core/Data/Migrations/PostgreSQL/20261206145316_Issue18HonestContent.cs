using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PersonaCatalogue.Core.Data.Migrations.PostgreSQL
{
    /// <inheritdoc />
    public partial class Issue18HonestContent : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<DateTime>(
                name: "LastReviewedAt",
                table: "Tools",
                type: "timestamp with time zone",
                nullable: true,
                oldClrType: typeof(DateTime),
                oldType: "timestamp with time zone");

            migrationBuilder.AlterColumn<bool>(
                name: "IsOpen",
                table: "Tools",
                type: "boolean",
                nullable: true,
                oldClrType: typeof(bool),
                oldType: "boolean");

            migrationBuilder.AlterColumn<DateOnly>(
                name: "LastReviewedOn",
                table: "Personas",
                type: "date",
                nullable: true,
                oldClrType: typeof(DateOnly),
                oldType: "date");

            migrationBuilder.AlterColumn<DateOnly>(
                name: "PublishedOn",
                table: "PersonaIterations",
                type: "date",
                nullable: true,
                oldClrType: typeof(DateOnly),
                oldType: "date");

            // Hand-written (keep when regenerating): see Issue18InventedValues.
            Issue18InventedValues.ClearOnPostgres(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The old columns cannot hold "not known": fill them as the old model did.
            migrationBuilder.Sql("""
                UPDATE "Tools" SET "LastReviewedAt" = "AddedAt" WHERE "LastReviewedAt" IS NULL;
                UPDATE "Tools" SET "IsOpen" = false WHERE "IsOpen" IS NULL;
                UPDATE "Personas" SET "LastReviewedOn" = DATE '0001-01-01' WHERE "LastReviewedOn" IS NULL;
                UPDATE "PersonaIterations" SET "PublishedOn" = DATE '0001-01-01' WHERE "PublishedOn" IS NULL;
                """);
            migrationBuilder.AlterColumn<DateTime>(
                name: "LastReviewedAt",
                table: "Tools",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified),
                oldClrType: typeof(DateTime),
                oldType: "timestamp with time zone",
                oldNullable: true);

            migrationBuilder.AlterColumn<bool>(
                name: "IsOpen",
                table: "Tools",
                type: "boolean",
                nullable: false,
                defaultValue: false,
                oldClrType: typeof(bool),
                oldType: "boolean",
                oldNullable: true);

            migrationBuilder.AlterColumn<DateOnly>(
                name: "LastReviewedOn",
                table: "Personas",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1),
                oldClrType: typeof(DateOnly),
                oldType: "date",
                oldNullable: true);

            migrationBuilder.AlterColumn<DateOnly>(
                name: "PublishedOn",
                table: "PersonaIterations",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1),
                oldClrType: typeof(DateOnly),
                oldType: "date",
                oldNullable: true);
        }
    }
}
