using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace StalkingProtection.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class LookupIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "family_name_key",
                table: "person_names",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true,
                computedColumnSql: "upper(family_name)",
                stored: true);

            migrationBuilder.CreateIndex(
                name: "ix_person_names_family_name_key",
                table: "person_names",
                column: "family_name_key");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_person_names_family_name_key",
                table: "person_names");

            migrationBuilder.DropColumn(
                name: "family_name_key",
                table: "person_names");
        }
    }
}
