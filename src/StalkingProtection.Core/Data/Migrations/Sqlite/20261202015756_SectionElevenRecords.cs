using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace StalkingProtection.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SectionElevenRecords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "plea",
                table: "breaches",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "plea_on",
                table: "breaches",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "management_plans",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    order_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_management_plans", x => x.id);
                    table.ForeignKey(
                        name: "fk_management_plans_orders_order_id",
                        column: x => x.order_id,
                        principalTable: "orders",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "multi_agency_referrals",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    case_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    order_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    forum = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    other_forum = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    referred_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    referred_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    reason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    outcome = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    outcome_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    recorded_at = table.Column<long>(type: "INTEGER", nullable: false),
                    version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_multi_agency_referrals", x => x.id);
                    table.ForeignKey(
                        name: "fk_multi_agency_referrals_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_multi_agency_referrals_orders_order_id",
                        column: x => x.order_id,
                        principalTable: "orders",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "notification_offences",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    respondent_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    obligation_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    notification_event_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    offence_code = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    offence_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    reasonable_excuse_notes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    outcome = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    outcome_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    recorded_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    recorded_at = table.Column<long>(type: "INTEGER", nullable: false),
                    version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_notification_offences", x => x.id);
                    table.ForeignKey(
                        name: "fk_notification_offences_notification_events_notification_event_id",
                        column: x => x.notification_event_id,
                        principalTable: "notification_events",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_notification_offences_notification_obligations_obligation_id",
                        column: x => x.obligation_id,
                        principalTable: "notification_obligations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_notification_offences_respondents_respondent_id",
                        column: x => x.respondent_id,
                        principalTable: "respondents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "respondent_other_orders",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    respondent_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    type = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    other_type_description = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    court_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    made_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    until_further_order = table.Column<bool>(type: "INTEGER", nullable: false),
                    ends_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    reference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    notes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    recorded_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_respondent_other_orders", x => x.id);
                    table.ForeignKey(
                        name: "fk_respondent_other_orders_respondents_respondent_id",
                        column: x => x.respondent_id,
                        principalTable: "respondents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "right_to_know_disclosures",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    case_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    victim_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    respondent_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    information_disclosed = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    decision = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    decided_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    decided_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    rationale = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    disclosed_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    recorded_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_right_to_know_disclosures", x => x.id);
                    table.ForeignKey(
                        name: "fk_right_to_know_disclosures_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_right_to_know_disclosures_respondents_respondent_id",
                        column: x => x.respondent_id,
                        principalTable: "respondents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_right_to_know_disclosures_victims_victim_id",
                        column: x => x.victim_id,
                        principalTable: "victims",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "management_plan_revisions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    plan_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    number = table.Column<int>(type: "INTEGER", nullable: false),
                    lead_officer = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    offending_and_safeguarding = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    subsequent_police_information = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    plan = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    actions = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    next_review_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    prepared_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    prepared_at = table.Column<long>(type: "INTEGER", nullable: false),
                    prepared_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    reason_for_revision = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_management_plan_revisions", x => x.id);
                    table.ForeignKey(
                        name: "fk_management_plan_revisions_management_plans_plan_id",
                        column: x => x.plan_id,
                        principalTable: "management_plans",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_management_plan_revisions_plan_id_number",
                table: "management_plan_revisions",
                columns: new[] { "plan_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_management_plans_order_id",
                table: "management_plans",
                column: "order_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_multi_agency_referrals_case_id_referred_on",
                table: "multi_agency_referrals",
                columns: new[] { "case_id", "referred_on" });

            migrationBuilder.CreateIndex(
                name: "ix_multi_agency_referrals_order_id",
                table: "multi_agency_referrals",
                column: "order_id");

            migrationBuilder.CreateIndex(
                name: "ix_notification_offences_notification_event_id",
                table: "notification_offences",
                column: "notification_event_id");

            migrationBuilder.CreateIndex(
                name: "ix_notification_offences_obligation_id",
                table: "notification_offences",
                column: "obligation_id");

            migrationBuilder.CreateIndex(
                name: "ix_notification_offences_respondent_id",
                table: "notification_offences",
                column: "respondent_id");

            migrationBuilder.CreateIndex(
                name: "ix_respondent_other_orders_respondent_id_made_on",
                table: "respondent_other_orders",
                columns: new[] { "respondent_id", "made_on" });

            migrationBuilder.CreateIndex(
                name: "ix_right_to_know_disclosures_case_id_decided_on",
                table: "right_to_know_disclosures",
                columns: new[] { "case_id", "decided_on" });

            migrationBuilder.CreateIndex(
                name: "ix_right_to_know_disclosures_respondent_id",
                table: "right_to_know_disclosures",
                column: "respondent_id");

            migrationBuilder.CreateIndex(
                name: "ix_right_to_know_disclosures_victim_id",
                table: "right_to_know_disclosures",
                column: "victim_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "management_plan_revisions");

            migrationBuilder.DropTable(
                name: "multi_agency_referrals");

            migrationBuilder.DropTable(
                name: "notification_offences");

            migrationBuilder.DropTable(
                name: "respondent_other_orders");

            migrationBuilder.DropTable(
                name: "right_to_know_disclosures");

            migrationBuilder.DropTable(
                name: "management_plans");

            migrationBuilder.DropColumn(
                name: "plea",
                table: "breaches");

            migrationBuilder.DropColumn(
                name: "plea_on",
                table: "breaches");
        }
    }
}
