using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace StalkingProtection.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class OrderNextDeadlineKeyForPagesInForce : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_orders_next_deadline_on_id",
                table: "orders");

            migrationBuilder.AddColumn<long>(
                name: "next_deadline_sort_key",
                table: "orders",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            // P1: the day number of the next deadline, or for an order with none a key after every day that follows its status
            // key (OrderListKeys.NextDeadlineKeyOf), so that a page of the orders in force reads only today's ranges of it.
            migrationBuilder.Sql("""
                UPDATE orders SET next_deadline_sort_key = CASE WHEN next_deadline_on = DATE '9999-12-31' THEN 1000000000 + status_sort_key
                    ELSE next_deadline_on - DATE '0001-01-01' END
                """);

            migrationBuilder.DropColumn(
                name: "next_deadline_on",
                table: "orders");

            migrationBuilder.CreateIndex(
                name: "ix_orders_next_deadline_sort_key_id",
                table: "orders",
                columns: new[] { "next_deadline_sort_key", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_orders_next_deadline_sort_key_id",
                table: "orders");

            migrationBuilder.AddColumn<DateOnly>(
                name: "next_deadline_on",
                table: "orders",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(9999, 12, 31));

            migrationBuilder.Sql("""
                UPDATE orders SET next_deadline_on = CASE WHEN next_deadline_sort_key >= 1000000000 THEN DATE '9999-12-31'
                    ELSE DATE '0001-01-01' + CAST(next_deadline_sort_key AS integer) END
                """);

            migrationBuilder.DropColumn(
                name: "next_deadline_sort_key",
                table: "orders");

            migrationBuilder.CreateIndex(
                name: "ix_orders_next_deadline_on_id",
                table: "orders",
                columns: new[] { "next_deadline_on", "id" });
        }
    }
}
