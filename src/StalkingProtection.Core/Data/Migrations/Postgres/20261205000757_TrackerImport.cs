using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace StalkingProtection.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class TrackerImport : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "tracker_imported_rows",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    row_key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    row_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    order_id = table.Column<Guid>(type: "uuid", nullable: false),
                    order_version = table.Column<long>(type: "bigint", nullable: false),
                    imported_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    imported_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tracker_imported_rows", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_tracker_imported_rows_order_id",
                table: "tracker_imported_rows",
                column: "order_id");

            migrationBuilder.CreateIndex(
                name: "ix_tracker_imported_rows_row_key",
                table: "tracker_imported_rows",
                column: "row_key",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "tracker_imported_rows");
        }
    }
}
