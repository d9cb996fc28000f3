using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace StalkingProtection.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SearchReferenceKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "pnc_id_key",
                table: "people",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "pnc_reference_key",
                table: "orders",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "case_crime_references",
                columns: table => new
                {
                    case_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    reference_key = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_case_crime_references", x => new { x.reference_key, x.case_id });
                    table.ForeignKey(
                        name: "fk_case_crime_references_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_people_pnc_id_key",
                table: "people",
                column: "pnc_id_key");

            migrationBuilder.CreateIndex(
                name: "ix_orders_pnc_reference_key",
                table: "orders",
                column: "pnc_reference_key");

            migrationBuilder.CreateIndex(
                name: "ix_case_crime_references_case_id",
                table: "case_crime_references",
                column: "case_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "case_crime_references");

            migrationBuilder.DropIndex(
                name: "ix_people_pnc_id_key",
                table: "people");

            migrationBuilder.DropIndex(
                name: "ix_orders_pnc_reference_key",
                table: "orders");

            migrationBuilder.DropColumn(
                name: "pnc_id_key",
                table: "people");

            migrationBuilder.DropColumn(
                name: "pnc_reference_key",
                table: "orders");
        }
    }
}
