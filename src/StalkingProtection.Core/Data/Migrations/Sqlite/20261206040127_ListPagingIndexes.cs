using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace StalkingProtection.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ListPagingIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_cases_reported_on_id",
                table: "cases",
                columns: new[] { "reported_on", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_applications_created_at_id",
                table: "applications",
                columns: new[] { "created_at", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_cases_reported_on_id",
                table: "cases");

            migrationBuilder.DropIndex(
                name: "ix_applications_created_at_id",
                table: "applications");
        }
    }
}
