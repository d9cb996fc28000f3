using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace StalkingProtection.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ApiClientManagement : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "last_used_at",
                table: "api_clients",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "may_record_decisions",
                table: "api_clients",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "previous_key_hash",
                table: "api_clients",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "previous_key_prefix",
                table: "api_clients",
                type: "TEXT",
                maxLength: 8,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "previous_key_valid_until",
                table: "api_clients",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "rotated_at",
                table: "api_clients",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_api_clients_previous_key_prefix",
                table: "api_clients",
                column: "previous_key_prefix");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_api_clients_previous_key_prefix",
                table: "api_clients");

            migrationBuilder.DropColumn(
                name: "last_used_at",
                table: "api_clients");

            migrationBuilder.DropColumn(
                name: "may_record_decisions",
                table: "api_clients");

            migrationBuilder.DropColumn(
                name: "previous_key_hash",
                table: "api_clients");

            migrationBuilder.DropColumn(
                name: "previous_key_prefix",
                table: "api_clients");

            migrationBuilder.DropColumn(
                name: "previous_key_valid_until",
                table: "api_clients");

            migrationBuilder.DropColumn(
                name: "rotated_at",
                table: "api_clients");
        }
    }
}
