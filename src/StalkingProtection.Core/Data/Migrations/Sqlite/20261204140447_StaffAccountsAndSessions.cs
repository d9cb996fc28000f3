using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace StalkingProtection.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class StaffAccountsAndSessions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "last_authenticator_time_step",
                table: "AspNetUsers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "last_sign_in_at",
                table: "AspNetUsers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "set_up_token_expires_at",
                table: "AspNetUsers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "set_up_token_hash",
                table: "AspNetUsers",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "staff_sessions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    started_at = table.Column<long>(type: "INTEGER", nullable: false),
                    ended_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_staff_sessions", x => x.id);
                    table.ForeignKey(
                        name: "fk_staff_sessions_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_asp_net_users_set_up_token_hash",
                table: "AspNetUsers",
                column: "set_up_token_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_staff_sessions_user_id",
                table: "staff_sessions",
                column: "user_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "staff_sessions");

            migrationBuilder.DropIndex(
                name: "ix_asp_net_users_set_up_token_hash",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "last_authenticator_time_step",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "last_sign_in_at",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "set_up_token_expires_at",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "set_up_token_hash",
                table: "AspNetUsers");
        }
    }
}
