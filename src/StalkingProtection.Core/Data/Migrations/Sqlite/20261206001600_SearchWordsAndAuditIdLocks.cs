using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace StalkingProtection.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SearchWordsAndAuditIdLocks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "person_name_words",
                columns: table => new
                {
                    person_name_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    position = table.Column<int>(type: "INTEGER", nullable: false),
                    word = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    joined = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_person_name_words", x => new { x.person_name_id, x.position });
                    table.ForeignKey(
                        name: "fk_person_name_words_person_names_person_name_id",
                        column: x => x.person_name_id,
                        principalTable: "person_names",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_person_name_words_joined",
                table: "person_name_words",
                column: "joined");

            migrationBuilder.CreateIndex(
                name: "ix_person_name_words_word",
                table: "person_name_words",
                column: "word");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "person_name_words");
        }
    }
}
