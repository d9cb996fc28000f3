using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace StalkingProtection.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class StatisticsIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_breaches_incident_on",
                table: "breaches");

            migrationBuilder.CreateIndex(
                name: "ix_spo_decisions_decided_statistics",
                table: "spo_decisions",
                columns: new[] { "decided_on", "decision" });

            migrationBuilder.CreateIndex(
                name: "ix_orders_made_statistics",
                table: "orders",
                columns: new[] { "made_date", "kind", "origin", "duration_type", "last_in_force_day" });

            migrationBuilder.CreateIndex(
                name: "ix_notification_obligations_due_statistics",
                table: "notification_obligations",
                columns: new[] { "due_by", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_cases_opened_at",
                table: "cases",
                column: "opened_at");

            migrationBuilder.CreateIndex(
                name: "ix_breaches_incident_on",
                table: "breaches",
                columns: new[] { "incident_on", "outcome" });

            migrationBuilder.CreateIndex(
                name: "ix_applications_lodged_statistics",
                table: "applications",
                columns: new[] { "lodged_on", "type", "status", "determination" });

            migrationBuilder.CreateIndex(
                name: "ix_appeals_decision_statistics",
                table: "appeals",
                columns: new[] { "decision_on", "outcome" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_spo_decisions_decided_statistics",
                table: "spo_decisions");

            migrationBuilder.DropIndex(
                name: "ix_orders_made_statistics",
                table: "orders");

            migrationBuilder.DropIndex(
                name: "ix_notification_obligations_due_statistics",
                table: "notification_obligations");

            migrationBuilder.DropIndex(
                name: "ix_cases_opened_at",
                table: "cases");

            migrationBuilder.DropIndex(
                name: "ix_breaches_incident_on",
                table: "breaches");

            migrationBuilder.DropIndex(
                name: "ix_applications_lodged_statistics",
                table: "applications");

            migrationBuilder.DropIndex(
                name: "ix_appeals_decision_statistics",
                table: "appeals");

            migrationBuilder.CreateIndex(
                name: "ix_breaches_incident_on",
                table: "breaches",
                column: "incident_on");
        }
    }
}
