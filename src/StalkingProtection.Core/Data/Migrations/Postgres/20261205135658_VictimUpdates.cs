using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace StalkingProtection.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class VictimUpdates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "victim_messages",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    victim_id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    @event = table.Column<string>(name: "event", type: "character varying(30)", maxLength: 30, nullable: false),
                    channel = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    body = table.Column<string>(type: "character varying(600)", maxLength: 600, nullable: false),
                    key = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    next_attempt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    notify_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    notify_status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    last_error = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_victim_messages", x => x.id);
                    table.ForeignKey(
                        name: "fk_victim_messages_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_victim_messages_victims_victim_id",
                        column: x => x.victim_id,
                        principalTable: "victims",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "victim_update_preferences",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    victim_id = table.Column<Guid>(type: "uuid", nullable: false),
                    do_not_contact = table.Column<bool>(type: "boolean", nullable: false),
                    events = table.Column<int>(type: "integer", nullable: false),
                    channel = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    safe_days = table.Column<int>(type: "integer", nullable: false),
                    safe_from = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    safe_to = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_victim_update_preferences", x => x.id);
                    table.ForeignKey(
                        name: "fk_victim_update_preferences_victims_victim_id",
                        column: x => x.victim_id,
                        principalTable: "victims",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.InsertData(
                table: "job_leases",
                columns: new[] { "name", "holder", "last_completed_at", "leased_until" },
                values: new object[] { "victim-messages", null, null, new DateTimeOffset(new DateTime(1970, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)) });

            migrationBuilder.CreateIndex(
                name: "ix_victim_messages_case_id",
                table: "victim_messages",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "ix_victim_messages_key",
                table: "victim_messages",
                column: "key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_victim_messages_status_next_attempt_at",
                table: "victim_messages",
                columns: new[] { "status", "next_attempt_at" });

            migrationBuilder.CreateIndex(
                name: "ix_victim_messages_victim_id_created_at",
                table: "victim_messages",
                columns: new[] { "victim_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_victim_update_preferences_victim_id",
                table: "victim_update_preferences",
                column: "victim_id",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "victim_messages");

            migrationBuilder.DropTable(
                name: "victim_update_preferences");

            migrationBuilder.DeleteData(
                table: "job_leases",
                keyColumn: "name",
                keyValue: "victim-messages");
        }
    }
}
