using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace StalkingProtection.Core.Data.Migrations.Postgres
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
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "pnc_reference_key",
                table: "orders",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "case_crime_references",
                columns: table => new
                {
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    reference_key = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false)
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

            // P1: the cases the CaseListSortKeys migration gave no deadline hold DATE '9999-12-31', but Npgsql reads that back as
            // DateOnly.MaxValue and writes DateOnly.MaxValue as 'infinity', as in every case saved since: a cases list sorted by
            // deadline and paged from one of them asked for the cases beyond 'infinity' and skipped them all.
            migrationBuilder.Sql("UPDATE cases SET next_deadline_on = 'infinity' WHERE next_deadline_on = DATE '9999-12-31'");

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
