using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace StalkingProtection.Core.Data.Migrations.Sqlite
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
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    row_key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    row_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    order_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    order_version = table.Column<long>(type: "INTEGER", nullable: false),
                    imported_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    imported_at = table.Column<long>(type: "INTEGER", nullable: false)
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
