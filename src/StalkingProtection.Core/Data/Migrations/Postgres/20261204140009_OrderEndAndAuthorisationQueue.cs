using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace StalkingProtection.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class OrderEndAndAuthorisationQueue : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "open_key",
                table: "staff_tasks",
                type: "character varying(240)",
                maxLength: 240,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "record_id",
                table: "staff_tasks",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "awaiting_authorisation_since",
                table: "applications",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_staff_tasks_case_id",
                table: "staff_tasks",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "ix_staff_tasks_open_key",
                table: "staff_tasks",
                column: "open_key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_applications_awaiting_authorisation_since",
                table: "applications",
                column: "awaiting_authorisation_since");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_staff_tasks_case_id",
                table: "staff_tasks");

            migrationBuilder.DropIndex(
                name: "ix_staff_tasks_open_key",
                table: "staff_tasks");

            migrationBuilder.DropIndex(
                name: "ix_applications_awaiting_authorisation_since",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "open_key",
                table: "staff_tasks");

            migrationBuilder.DropColumn(
                name: "record_id",
                table: "staff_tasks");

            migrationBuilder.DropColumn(
                name: "awaiting_authorisation_since",
                table: "applications");
        }
    }
}
