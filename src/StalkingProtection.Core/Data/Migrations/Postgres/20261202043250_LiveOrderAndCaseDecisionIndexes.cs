using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace StalkingProtection.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class LiveOrderAndCaseDecisionIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_orders_last_in_force_day",
                table: "orders");

            migrationBuilder.DropIndex(
                name: "ix_cases_status",
                table: "cases");

            migrationBuilder.DropIndex(
                name: "ix_orders_served_at",
                table: "orders");

            migrationBuilder.AddColumn<DateOnly>(
                name: "latest_spo_decision_on",
                table: "cases",
                type: "date",
                nullable: true);

            // Cases decided before this column existed.
            migrationBuilder.Sql("UPDATE cases SET latest_spo_decision_on = (SELECT MAX(d.decided_on) FROM spo_decisions AS d WHERE d.case_id = cases.id);");

            migrationBuilder.CreateIndex(
                name: "ix_orders_live",
                table: "orders",
                columns: new[] { "last_in_force_day", "ended_on", "made_date", "kind" });

            migrationBuilder.CreateIndex(
                name: "ix_orders_unserved",
                table: "orders",
                columns: new[] { "served_at", "last_in_force_day", "ended_on", "made_date" });

            migrationBuilder.CreateIndex(
                name: "ix_cases_status_spo_decision",
                table: "cases",
                columns: new[] { "status", "latest_spo_decision_on" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_orders_live",
                table: "orders");

            migrationBuilder.DropIndex(
                name: "ix_orders_unserved",
                table: "orders");

            migrationBuilder.DropIndex(
                name: "ix_cases_status_spo_decision",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "latest_spo_decision_on",
                table: "cases");

            migrationBuilder.CreateIndex(
                name: "ix_orders_last_in_force_day",
                table: "orders",
                columns: new[] { "last_in_force_day", "ended_on" });

            migrationBuilder.CreateIndex(
                name: "ix_cases_status",
                table: "cases",
                column: "status");

            migrationBuilder.CreateIndex(
                name: "ix_orders_served_at",
                table: "orders",
                column: "served_at");
        }
    }
}
