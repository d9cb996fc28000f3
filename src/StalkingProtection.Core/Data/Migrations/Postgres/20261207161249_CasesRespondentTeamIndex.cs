using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace StalkingProtection.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CasesRespondentTeamIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_cases_respondent_id",
                table: "cases");

            migrationBuilder.CreateIndex(
                name: "ix_cases_respondent_id_team",
                table: "cases",
                columns: new[] { "respondent_id", "team" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_cases_respondent_id_team",
                table: "cases");

            migrationBuilder.CreateIndex(
                name: "ix_cases_respondent_id",
                table: "cases",
                column: "respondent_id");
        }
    }
}
