using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace StalkingProtection.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class LiveOrdersByKind : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_orders_live",
                table: "orders");

            migrationBuilder.CreateIndex(
                name: "ix_orders_live",
                table: "orders",
                columns: new[] { "last_in_force_day", "ended_on", "made_date" });

            migrationBuilder.CreateIndex(
                name: "ix_orders_live_by_kind",
                table: "orders",
                columns: new[] { "kind", "last_in_force_day", "ended_on", "made_date" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_orders_live",
                table: "orders");

            migrationBuilder.DropIndex(
                name: "ix_orders_live_by_kind",
                table: "orders");

            migrationBuilder.CreateIndex(
                name: "ix_orders_live",
                table: "orders",
                columns: new[] { "last_in_force_day", "ended_on", "made_date", "kind" });
        }
    }
}
