using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace StalkingProtection.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FamilySearchKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_person_names_family_name_key",
                table: "person_names");

            migrationBuilder.DropColumn(
                name: "family_name_key",
                table: "person_names");

            migrationBuilder.AddColumn<string>(
                name: "family_search_key",
                table: "person_names",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "ix_person_names_family_search_key",
                table: "person_names",
                column: "family_search_key");

            // The names already recorded; each name recorded from now on gets its key from the entity.
            migrationBuilder.Sql(FamilySearchKeyBackfill.Sql());
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_person_names_family_search_key",
                table: "person_names");

            migrationBuilder.DropColumn(
                name: "family_search_key",
                table: "person_names");

            migrationBuilder.AddColumn<string>(
                name: "family_name_key",
                table: "person_names",
                type: "TEXT",
                maxLength: 200,
                nullable: true,
                computedColumnSql: "upper(family_name)",
                stored: true);

            migrationBuilder.CreateIndex(
                name: "ix_person_names_family_name_key",
                table: "person_names",
                column: "family_name_key");
        }
    }
}
