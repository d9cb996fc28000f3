using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace StalkingProtection.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PublicReportForSomeoneElse : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "person_contact_route",
                table: "public_reports",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "person_knows_about_report",
                table: "public_reports",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "person_contact_route",
                table: "public_reports");

            migrationBuilder.DropColumn(
                name: "person_knows_about_report",
                table: "public_reports");
        }
    }
}
