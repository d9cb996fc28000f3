using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace StalkingProtection.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CaseOfficerStaffAccount : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "officer_in_charge_id",
                table: "cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_cases_officer_in_charge_id",
                table: "cases",
                column: "officer_in_charge_id");

            migrationBuilder.AddForeignKey(
                name: "fk_cases_asp_net_users_officer_in_charge_id",
                table: "cases",
                column: "officer_in_charge_id",
                principalTable: "AspNetUsers",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_cases_asp_net_users_officer_in_charge_id",
                table: "cases");

            migrationBuilder.DropIndex(
                name: "ix_cases_officer_in_charge_id",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "officer_in_charge_id",
                table: "cases");
        }
    }
}
