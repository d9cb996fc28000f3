using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace StalkingProtection.Core.Data.Migrations.Sqlite
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
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            // P1: the day number of the next deadline, or for an order with none a key after every day that follows its status
            // key (OrderListKeys.NextDeadlineKeyOf), so that a page of the orders in force reads only today's ranges of it.
            migrationBuilder.Sql("""
                UPDATE orders SET next_deadline_sort_key = CASE WHEN next_deadline_on = '9999-12-31' THEN 1000000000 + status_sort_key
                    ELSE CAST(julianday(next_deadline_on) - julianday('0001-01-01') AS INTEGER) END
                """);

            // SQLite drops a column itself (3.35 on); EF Core's DropColumn would rebuild the table outside the migration's
            // transaction.
            migrationBuilder.Sql("ALTER TABLE orders DROP COLUMN next_deadline_on");

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
                type: "TEXT",
                nullable: false,
                defaultValue: new DateOnly(9999, 12, 31));

            migrationBuilder.Sql("""
                UPDATE orders SET next_deadline_on = CASE WHEN next_deadline_sort_key >= 1000000000 THEN '9999-12-31'
                    ELSE date('0001-01-01', '+' || next_deadline_sort_key || ' days') END
                """);

            migrationBuilder.Sql("ALTER TABLE orders DROP COLUMN next_deadline_sort_key");

            migrationBuilder.CreateIndex(
                name: "ix_orders_next_deadline_on_id",
                table: "orders",
                columns: new[] { "next_deadline_on", "id" });
        }
    }
}
