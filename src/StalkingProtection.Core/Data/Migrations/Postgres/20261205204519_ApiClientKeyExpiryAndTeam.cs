using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace StalkingProtection.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ApiClientKeyExpiryAndTeam : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "key_expires_at",
                table: "api_clients",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.AddColumn<string>(
                name: "team",
                table: "api_clients",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            // ASVS V13.2.1: a key issued before keys expired gets the default lifetime from when it was issued or last rotated.
            migrationBuilder.Sql("UPDATE api_clients SET key_expires_at = COALESCE(rotated_at, created_at) + interval '365 days';");
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
