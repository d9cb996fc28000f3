using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace StalkingProtection.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ChangeApplicationsAndAppealOutcomes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "adds_or_tightens",
                table: "applications",
                type: "boolean",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "change_sought",
                table: "applications",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "consequential_orders",
                table: "appeals",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "adds_or_tightens",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "change_sought",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "consequential_orders",
                table: "appeals");
        }
    }
}
