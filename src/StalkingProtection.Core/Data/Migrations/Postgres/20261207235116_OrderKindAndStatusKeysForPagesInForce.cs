using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace StalkingProtection.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class OrderKindAndStatusKeysForPagesInForce : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<long>(
                name: "kind_sort_key",
                table: "orders",
                type: "bigint",
                nullable: false,
                oldClrType: typeof(int),
                oldType: "integer");

            // P1: an order ended early is keyed by the day it ended within its group, and the kind key follows the status key
            // within each kind (OrderListKeys.StatusKeyOf, KindKeyOf), so that a page of the orders in force reads only today's
            // ranges of either key.
            migrationBuilder.Sql("""
                UPDATE orders SET status_sort_key = 10000000 * CASE orders.ending WHEN 'Discharged' THEN 3 WHEN 'Quashed' THEN 4 WHEN 'Superseded' THEN 5 ELSE 6 END
                    + (3652060 - (orders.ended_on - DATE '0001-01-01'))
                WHERE orders.ended_on IS NOT NULL AND (orders.last_in_force_day IS NULL OR orders.ended_on <= orders.last_in_force_day)
                """);
            migrationBuilder.Sql("UPDATE orders SET kind_sort_key = CASE orders.kind WHEN 'Interim' THEN 0 ELSE 100000000 END + orders.status_sort_key");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("UPDATE orders SET kind_sort_key = CASE orders.kind WHEN 'Interim' THEN 0 ELSE 1 END");
            migrationBuilder.Sql("UPDATE orders SET status_sort_key = status_sort_key - status_sort_key % 10000000 WHERE status_sort_key >= 30000000");
            migrationBuilder.AlterColumn<int>(
                name: "kind_sort_key",
                table: "orders",
                type: "integer",
                nullable: false,
                oldClrType: typeof(long),
                oldType: "bigint");
        }
    }
}
