using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace StalkingProtection.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class StatisticsMonths : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "statistics_month_changes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    month = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_statistics_month_changes", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "statistics_months",
                columns: table => new
                {
                    month = table.Column<DateOnly>(type: "date", nullable: false),
                    figures = table.Column<string>(type: "text", nullable: false),
                    counted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_statistics_months", x => x.month);
                });

            migrationBuilder.InsertData(
                table: "job_leases",
                columns: new[] { "name", "holder", "last_completed_at", "leased_until" },
                values: new object[] { "statistics-months", null, null, new DateTimeOffset(new DateTime(1970, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)) });

            migrationBuilder.CreateIndex(
                name: "ix_orders_ended_on",
                table: "orders",
                column: "ended_on",
                filter: "ended_on IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_statistics_month_changes_month",
                table: "statistics_month_changes",
                column: "month");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "statistics_month_changes");

            migrationBuilder.DropTable(
                name: "statistics_months");

            migrationBuilder.DropIndex(
                name: "ix_orders_ended_on",
                table: "orders");

            migrationBuilder.DeleteData(
                table: "job_leases",
                keyColumn: "name",
                keyValue: "statistics-months");
        }
    }
}
