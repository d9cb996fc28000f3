using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace StalkingProtection.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RespondentMergedInto : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "merged_into_id",
                table: "respondents",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_respondents_merged_into_id",
                table: "respondents",
                column: "merged_into_id");

            migrationBuilder.AddForeignKey(
                name: "fk_respondents_respondents_merged_into_id",
                table: "respondents",
                column: "merged_into_id",
                principalTable: "respondents",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_respondents_respondents_merged_into_id",
                table: "respondents");

            migrationBuilder.DropIndex(
                name: "ix_respondents_merged_into_id",
                table: "respondents");

            migrationBuilder.DropColumn(
                name: "merged_into_id",
                table: "respondents");
        }
    }
}
