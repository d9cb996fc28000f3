using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace StalkingProtection.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CaseOfficerAndReplacedInterimOrderIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_orders_replaced_interim_order_id",
                table: "orders",
                column: "replaced_interim_order_id");

            migrationBuilder.CreateIndex(
                name: "ix_cases_officer_in_charge",
                table: "cases",
                column: "officer_in_charge");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_orders_replaced_interim_order_id",
                table: "orders");

            migrationBuilder.DropIndex(
                name: "ix_cases_officer_in_charge",
                table: "cases");
        }
    }
}
