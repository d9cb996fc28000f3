using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace StalkingProtection.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DashboardIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_orders_last_in_force_day",
                table: "orders",
                columns: new[] { "last_in_force_day", "ended_on" });

            migrationBuilder.CreateIndex(
                name: "ix_cases_status",
                table: "cases",
                column: "status");

            migrationBuilder.CreateIndex(
                name: "ix_breaches_incident_on",
                table: "breaches",
                column: "incident_on");

            migrationBuilder.CreateIndex(
                name: "ix_applications_status",
                table: "applications",
                column: "status");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_orders_last_in_force_day",
                table: "orders");

            migrationBuilder.DropIndex(
                name: "ix_cases_status",
                table: "cases");

            migrationBuilder.DropIndex(
                name: "ix_breaches_incident_on",
                table: "breaches");

            migrationBuilder.DropIndex(
                name: "ix_applications_status",
                table: "applications");
        }
    }
}
