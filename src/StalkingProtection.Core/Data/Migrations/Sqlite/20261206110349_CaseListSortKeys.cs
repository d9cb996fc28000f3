using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace StalkingProtection.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CaseListSortKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "next_deadline_on",
                table: "cases",
                type: "TEXT",
                nullable: false,
                defaultValue: DateOnly.MaxValue);

            migrationBuilder.AddColumn<string>(
                name: "officer_sort_key",
                table: "cases",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "protected_people_sort_key",
                table: "cases",
                type: "TEXT",
                maxLength: 2,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "respondent_sort_key",
                table: "cases",
                type: "TEXT",
                maxLength: 401,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "spo_decision_sort_key",
                table: "cases",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "status_sort_key",
                table: "cases",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            // P1: every case's list sort keys worked out once, as CaseListKeys works them out on each save from now on.
            migrationBuilder.Sql("""
                UPDATE cases SET
                    respondent_sort_key = COALESCE((SELECT n.family_name || ' ' || n.given_names FROM person_names n
                        WHERE NOT n.is_alias AND n.person_id = (SELECT r.person_id FROM respondents r WHERE r.id = cases.respondent_id)
                        ORDER BY n.id LIMIT 1), ''),
                    protected_people_sort_key = COALESCE((SELECT substr(n.given_names, 1, 1) || substr(n.family_name, 1, 1) FROM person_names n
                        WHERE NOT n.is_alias AND n.person_id = (SELECT v.person_id FROM victims v
                            WHERE v.case_id = cases.id AND v.role IN ('ProtectedPerson', 'Both') ORDER BY v.id LIMIT 1)
                        ORDER BY n.id LIMIT 1), ''),
                    officer_sort_key = COALESCE((SELECT u.display_name FROM "AspNetUsers" u WHERE u.id = cases.officer_in_charge_id), cases.officer_in_charge),
                    status_sort_key = CASE cases.status WHEN 'Open' THEN 0 WHEN 'UnderInvestigation' THEN 1 ELSE 2 END,
                    spo_decision_sort_key = COALESCE((SELECT CASE d.decision WHEN 'Apply' THEN 1 ELSE 2 END FROM spo_decisions d
                        WHERE d.case_id = cases.id ORDER BY d.decided_on DESC, d.id DESC LIMIT 1), 0),
                    next_deadline_on = COALESCE((SELECT MIN(x.due) FROM (
                        SELECT t.due_on AS due FROM staff_tasks t WHERE t.case_id = cases.id AND t.status = 'Open'
                        UNION ALL
                        SELECT t.due_on FROM orders o JOIN staff_tasks t ON t.order_id = o.id WHERE o.case_id = cases.id AND t.status = 'Open'
                        UNION ALL
                        SELECT n.due_by FROM orders o JOIN notification_obligations n ON n.order_id = o.id
                            WHERE o.case_id = cases.id AND n.status IN ('Open', 'Overdue')) x), '9999-12-31')
                """);

            migrationBuilder.CreateIndex(
                name: "ix_cases_next_deadline_on_id",
                table: "cases",
                columns: new[] { "next_deadline_on", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_cases_officer_sort_key_id",
                table: "cases",
                columns: new[] { "officer_sort_key", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_cases_protected_people_sort_key_id",
                table: "cases",
                columns: new[] { "protected_people_sort_key", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_cases_respondent_sort_key_id",
                table: "cases",
                columns: new[] { "respondent_sort_key", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_cases_spo_decision_sort_key_id",
                table: "cases",
                columns: new[] { "spo_decision_sort_key", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_cases_status_sort_key_id",
                table: "cases",
                columns: new[] { "status_sort_key", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_cases_next_deadline_on_id",
                table: "cases");

            migrationBuilder.DropIndex(
                name: "ix_cases_officer_sort_key_id",
                table: "cases");

            migrationBuilder.DropIndex(
                name: "ix_cases_protected_people_sort_key_id",
                table: "cases");

            migrationBuilder.DropIndex(
                name: "ix_cases_respondent_sort_key_id",
                table: "cases");

            migrationBuilder.DropIndex(
                name: "ix_cases_spo_decision_sort_key_id",
                table: "cases");

            migrationBuilder.DropIndex(
                name: "ix_cases_status_sort_key_id",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "next_deadline_on",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "officer_sort_key",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "protected_people_sort_key",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "respondent_sort_key",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "spo_decision_sort_key",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "status_sort_key",
                table: "cases");
        }
    }
}
