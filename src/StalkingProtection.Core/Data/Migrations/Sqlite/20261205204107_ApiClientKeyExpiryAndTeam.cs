using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace StalkingProtection.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ApiClientKeyExpiryAndTeam : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "key_expires_at",
                table: "api_clients",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "team",
                table: "api_clients",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            // ASVS V13.2.1: a key issued before keys expired gets the default lifetime from when it was issued or last rotated.
            // Instants are stored as DateTimeOffsetToBinaryConverter writes them, (ticks / 1000) << 11, so a day is 1769472000000.
            migrationBuilder.Sql("UPDATE api_clients SET key_expires_at = COALESCE(rotated_at, created_at) + 365 * 1769472000000;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "key_expires_at",
                table: "api_clients");

            migrationBuilder.DropColumn(
                name: "team",
                table: "api_clients");
        }
    }
}
