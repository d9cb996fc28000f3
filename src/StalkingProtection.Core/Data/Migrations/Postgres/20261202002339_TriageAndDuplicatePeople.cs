using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace StalkingProtection.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class TriageAndDuplicatePeople : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "case_id",
                table: "public_reports",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "close_details",
                table: "public_reports",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "close_reason",
                table: "public_reports",
                type: "character varying(30)",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "outcome",
                table: "public_reports",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "triage_started_at",
                table: "public_reports",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "triage_started_by_id",
                table: "public_reports",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "triage_started_by_name",
                table: "public_reports",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "triaged_at",
                table: "public_reports",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "triaged_by_id",
                table: "public_reports",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "triaged_by_name",
                table: "public_reports",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "match_key",
                table: "person_names",
                type: "character varying(412)",
                maxLength: 412,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "merged_at",
                table: "people",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "merged_into_id",
                table: "people",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "case_events",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    type = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    occurred_on = table.Column<DateOnly>(type: "date", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    text = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    public_report_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_case_events", x => x.id);
                    table.ForeignKey(
                        name: "fk_case_events_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_case_events_public_reports_public_report_id",
                        column: x => x.public_report_id,
                        principalTable: "public_reports",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_public_reports_case_id",
                table: "public_reports",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "ix_person_names_match_key_person_id",
                table: "person_names",
                columns: new[] { "match_key", "person_id" });

            migrationBuilder.CreateIndex(
                name: "ix_people_merged_into_id",
                table: "people",
                column: "merged_into_id");

            migrationBuilder.CreateIndex(
                name: "ix_case_events_case_id_occurred_at",
                table: "case_events",
                columns: new[] { "case_id", "occurred_at" });

            migrationBuilder.CreateIndex(
                name: "ix_case_events_public_report_id",
                table: "case_events",
                column: "public_report_id");

            migrationBuilder.AddForeignKey(
                name: "fk_people_people_merged_into_id",
                table: "people",
                column: "merged_into_id",
                principalTable: "people",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_public_reports_cases_case_id",
                table: "public_reports",
                column: "case_id",
                principalTable: "cases",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            // Names recorded before this migration: the match key in its plain form (lower case, single spaces); names with accents
            // or punctuation get their full key when next saved.
            migrationBuilder.Sql(@"UPDATE person_names SET match_key = (
                SELECT lower(trim(person_names.given_names || ' ' || person_names.family_name)) || '|' || to_char(p.date_of_birth, 'YYYY-MM-DD')
                FROM people p WHERE p.id = person_names.person_id AND p.date_of_birth IS NOT NULL)");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_people_people_merged_into_id",
                table: "people");

            migrationBuilder.DropForeignKey(
                name: "fk_public_reports_cases_case_id",
                table: "public_reports");

            migrationBuilder.DropTable(
                name: "case_events");

            migrationBuilder.DropIndex(
                name: "ix_public_reports_case_id",
                table: "public_reports");

            migrationBuilder.DropIndex(
                name: "ix_person_names_match_key_person_id",
                table: "person_names");

            migrationBuilder.DropIndex(
                name: "ix_people_merged_into_id",
                table: "people");

            migrationBuilder.DropColumn(
                name: "case_id",
                table: "public_reports");

            migrationBuilder.DropColumn(
                name: "close_details",
                table: "public_reports");

            migrationBuilder.DropColumn(
                name: "close_reason",
                table: "public_reports");

            migrationBuilder.DropColumn(
                name: "outcome",
                table: "public_reports");

            migrationBuilder.DropColumn(
                name: "triage_started_at",
                table: "public_reports");

            migrationBuilder.DropColumn(
                name: "triage_started_by_id",
                table: "public_reports");

            migrationBuilder.DropColumn(
                name: "triage_started_by_name",
                table: "public_reports");

            migrationBuilder.DropColumn(
                name: "triaged_at",
                table: "public_reports");

            migrationBuilder.DropColumn(
                name: "triaged_by_id",
                table: "public_reports");

            migrationBuilder.DropColumn(
                name: "triaged_by_name",
                table: "public_reports");

            migrationBuilder.DropColumn(
                name: "match_key",
                table: "person_names");

            migrationBuilder.DropColumn(
                name: "merged_at",
                table: "people");

            migrationBuilder.DropColumn(
                name: "merged_into_id",
                table: "people");
        }
    }
}
