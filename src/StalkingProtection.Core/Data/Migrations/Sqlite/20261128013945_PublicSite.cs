using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace StalkingProtection.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PublicSite : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "feedback",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    submitted_at = table.Column<long>(type: "INTEGER", nullable: false),
                    satisfaction = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    comments = table.Column<string>(type: "TEXT", maxLength: 1200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_feedback", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "public_report_drafts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    expires_at = table.Column<long>(type: "INTEGER", nullable: false),
                    protected_answers = table.Column<string>(type: "TEXT", maxLength: 16000, nullable: false),
                    report_id = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_public_report_drafts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "public_reports",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    reference = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    draft_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    submitted_at = table.Column<long>(type: "INTEGER", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    in_immediate_danger = table.Column<bool>(type: "INTEGER", nullable: false),
                    reporting_for = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    behaviours = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    other_behaviour = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    started_when = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    how_often = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    suspect_known = table.Column<bool>(type: "INTEGER", nullable: false),
                    suspect_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    suspect_details = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    effect = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    contact_methods = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    protected_contact = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_public_reports", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_feedback_submitted_at",
                table: "feedback",
                column: "submitted_at");

            migrationBuilder.CreateIndex(
                name: "ix_public_report_drafts_expires_at",
                table: "public_report_drafts",
                column: "expires_at");

            migrationBuilder.CreateIndex(
                name: "ix_public_reports_draft_id",
                table: "public_reports",
                column: "draft_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_public_reports_reference",
                table: "public_reports",
                column: "reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_public_reports_status_submitted_at",
                table: "public_reports",
                columns: new[] { "status", "submitted_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "feedback");

            migrationBuilder.DropTable(
                name: "public_report_drafts");

            migrationBuilder.DropTable(
                name: "public_reports");
        }
    }
}
