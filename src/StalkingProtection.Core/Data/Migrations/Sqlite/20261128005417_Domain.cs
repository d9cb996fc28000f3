using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace StalkingProtection.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Domain : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "cases",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    crime_references = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    offences = table.Column<int>(type: "INTEGER", nullable: false),
                    reported_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    opened_at = table.Column<long>(type: "INTEGER", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    outcome = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    officer_in_charge = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    team = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    respondent_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    four_fixated = table.Column<bool>(type: "INTEGER", nullable: true),
                    four_obsessive = table.Column<bool>(type: "INTEGER", nullable: true),
                    four_unwanted = table.Column<bool>(type: "INTEGER", nullable: true),
                    four_repeated = table.Column<bool>(type: "INTEGER", nullable: true),
                    four_assessed_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    four_assessed_at = table.Column<long>(type: "INTEGER", nullable: true),
                    version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cases", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "people",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    date_of_birth = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    gender = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    pnc_id = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_people", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "staff_tasks",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    type = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    due_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    order_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    obligation_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    case_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    assigned_team = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    assigned_officer = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    completed_at = table.Column<long>(type: "INTEGER", nullable: true),
                    version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_staff_tasks", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "risk_assessments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    case_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    tool = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    tool_version = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    answers = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    level = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    assessor = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    completed_at = table.Column<long>(type: "INTEGER", nullable: false),
                    next_review_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    notes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_risk_assessments", x => x.id);
                    table.ForeignKey(
                        name: "fk_risk_assessments_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "spo_decisions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    case_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    decision = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    rationale = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    decided_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    decided_at = table.Column<long>(type: "INTEGER", nullable: false),
                    decided_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    authorising_officer = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    legal_services_reference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_spo_decisions", x => x.id);
                    table.ForeignKey(
                        name: "fk_spo_decisions_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "person_names",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    person_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    given_names = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    family_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    is_alias = table.Column<bool>(type: "INTEGER", nullable: false),
                    first_used_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    notified_on = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_person_names", x => x.id);
                    table.ForeignKey(
                        name: "fk_person_names_people_person_id",
                        column: x => x.person_id,
                        principalTable: "people",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "respondents",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    person_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    no_england_wales_home_address = table.Column<bool>(type: "INTEGER", nullable: false),
                    version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_respondents", x => x.id);
                    table.ForeignKey(
                        name: "fk_respondents_people_person_id",
                        column: x => x.person_id,
                        principalTable: "people",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "victims",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    case_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    person_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    role = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    relationship = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_victims", x => x.id);
                    table.ForeignKey(
                        name: "fk_victims_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_victims_people_person_id",
                        column: x => x.person_id,
                        principalTable: "people",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "applications",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    case_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    respondent_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    type = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    applicant_party = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    applicant_force = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    jurisdiction_basis = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    jurisdiction_notes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    main_application_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    order_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    venue = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    court_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    lodged_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    submitted_at = table.Column<long>(type: "INTEGER", nullable: true),
                    authorised_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    authorised_at = table.Column<long>(type: "INTEGER", nullable: true),
                    determination = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    determined_at = table.Column<long>(type: "INTEGER", nullable: true),
                    determined_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    necessity_rationale = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_applications", x => x.id);
                    table.ForeignKey(
                        name: "fk_applications_applications_main_application_id",
                        column: x => x.main_application_id,
                        principalTable: "applications",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_applications_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_applications_respondents_respondent_id",
                        column: x => x.respondent_id,
                        principalTable: "respondents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "notification_events",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    respondent_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    notified_at = table.Column<long>(type: "INTEGER", nullable: false),
                    notified_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    station_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    station_police_area = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    mode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    received_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    received_by_authorised_person = table.Column<bool>(type: "INTEGER", nullable: false),
                    authorisation_reference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    names_given = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    address_given = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    acknowledgement_reference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    acknowledged_at = table.Column<long>(type: "INTEGER", nullable: false),
                    acknowledgement_form_version = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    biometrics_requested = table.Column<int>(type: "INTEGER", nullable: false),
                    biometrics_purpose = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    biometrics_outcome = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_notification_events", x => x.id);
                    table.ForeignKey(
                        name: "fk_notification_events_respondents_respondent_id",
                        column: x => x.respondent_id,
                        principalTable: "respondents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "respondent_addresses",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    respondent_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    address = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    police_area = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    from_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    to_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    source = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_respondent_addresses", x => x.id);
                    table.ForeignKey(
                        name: "fk_respondent_addresses_respondents_respondent_id",
                        column: x => x.respondent_id,
                        principalTable: "respondents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "respondent_soa_periods",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    respondent_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    started_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    final_day = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_respondent_soa_periods", x => x.id);
                    table.ForeignKey(
                        name: "fk_respondent_soa_periods_respondents_respondent_id",
                        column: x => x.respondent_id,
                        principalTable: "respondents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "stalking_acts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    case_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    occurred_from = table.Column<long>(type: "INTEGER", nullable: false),
                    occurred_to = table.Column<long>(type: "INTEGER", nullable: true),
                    location_country = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    location = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    categories = table.Column<int>(type: "INTEGER", nullable: false),
                    other_category_description = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    channel = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    target_victim_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_stalking_acts", x => x.id);
                    table.ForeignKey(
                        name: "fk_stalking_acts_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_stalking_acts_victims_target_victim_id",
                        column: x => x.target_victim_id,
                        principalTable: "victims",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "victim_contact_details",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    victim_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ciphertext = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    phone_hash = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: true),
                    email_hash = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: true),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false),
                    version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_victim_contact_details", x => x.id);
                    table.ForeignKey(
                        name: "fk_victim_contact_details_victims_victim_id",
                        column: x => x.victim_id,
                        principalTable: "victims",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "victim_contact_events",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    victim_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    order_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    event_type = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    occurred_at = table.Column<long>(type: "INTEGER", nullable: false),
                    occurred_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    channel = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    officer = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    summary = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_victim_contact_events", x => x.id);
                    table.ForeignKey(
                        name: "fk_victim_contact_events_victims_victim_id",
                        column: x => x.victim_id,
                        principalTable: "victims",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "application_evidence",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    application_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    limb = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    reference_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_application_evidence", x => x.id);
                    table.ForeignKey(
                        name: "fk_application_evidence_applications_application_id",
                        column: x => x.application_id,
                        principalTable: "applications",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "application_protected_persons",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    application_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    victim_id = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_application_protected_persons", x => x.id);
                    table.ForeignKey(
                        name: "fk_application_protected_persons_applications_application_id",
                        column: x => x.application_id,
                        principalTable: "applications",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_application_protected_persons_victims_victim_id",
                        column: x => x.victim_id,
                        principalTable: "victims",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "hearings",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    application_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    listed_for = table.Column<long>(type: "INTEGER", nullable: false),
                    court_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    outcome = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    adjournment_reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    next_hearing_at = table.Column<long>(type: "INTEGER", nullable: true),
                    respondent_attended = table.Column<bool>(type: "INTEGER", nullable: true),
                    victim_attended = table.Column<bool>(type: "INTEGER", nullable: true),
                    counsel_attended = table.Column<bool>(type: "INTEGER", nullable: true),
                    standard_argued = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    standard_found = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_hearings", x => x.id);
                    table.ForeignKey(
                        name: "fk_hearings_applications_application_id",
                        column: x => x.application_id,
                        principalTable: "applications",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "orders",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    case_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    respondent_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    application_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    main_application_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    origin = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    applicant_force = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    court_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    court_police_area = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    made_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    duration_type = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    last_in_force_day = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    replaces_interim = table.Column<bool>(type: "INTEGER", nullable: false),
                    replaced_interim_order_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    served_at = table.Column<long>(type: "INTEGER", nullable: true),
                    served_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    service_method = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    served_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ending = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    ended_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ended_at = table.Column<long>(type: "INTEGER", nullable: true),
                    ending_note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    superseded_by_order_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    pnc_reference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    recorded_at = table.Column<long>(type: "INTEGER", nullable: false),
                    no_incompatibility_attested = table.Column<bool>(type: "INTEGER", nullable: false),
                    version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_orders", x => x.id);
                    table.ForeignKey(
                        name: "fk_orders_applications_application_id",
                        column: x => x.application_id,
                        principalTable: "applications",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_orders_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_orders_respondents_respondent_id",
                        column: x => x.respondent_id,
                        principalTable: "respondents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "appeals",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    order_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    application_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    appellant = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    decision = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    decision_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    lodging_deadline = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    notice_served_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    lodged_late = table.Column<bool>(type: "INTEGER", nullable: false),
                    grounds = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    crown_court_reference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    outcome = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    decided_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_appeals", x => x.id);
                    table.ForeignKey(
                        name: "fk_appeals_orders_order_id",
                        column: x => x.order_id,
                        principalTable: "orders",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "condition_sets",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    order_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    number = table.Column<int>(type: "INTEGER", nullable: false),
                    effective_from = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    reason = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_condition_sets", x => x.id);
                    table.ForeignKey(
                        name: "fk_condition_sets_orders_order_id",
                        column: x => x.order_id,
                        principalTable: "orders",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "management_reviews",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    order_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    reviewed_at = table.Column<long>(type: "INTEGER", nullable: false),
                    reviewed_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    reviewed_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    lead_officer = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    summary = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    pnc_entry_checked = table.Column<bool>(type: "INTEGER", nullable: false),
                    next_review_due = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_management_reviews", x => x.id);
                    table.ForeignKey(
                        name: "fk_management_reviews_orders_order_id",
                        column: x => x.order_id,
                        principalTable: "orders",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "notification_obligations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    respondent_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    order_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    trigger = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    trigger_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    due_by = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    met_by_event_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    met_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    overdue_flagged_at = table.Column<long>(type: "INTEGER", nullable: true),
                    excused_reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    excused_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    subject_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_notification_obligations", x => x.id);
                    table.ForeignKey(
                        name: "fk_notification_obligations_orders_order_id",
                        column: x => x.order_id,
                        principalTable: "orders",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_notification_obligations_respondents_respondent_id",
                        column: x => x.respondent_id,
                        principalTable: "respondents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "order_changes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    order_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    application_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    type = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    applicant_party = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    applicant_force = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    decided_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    effective_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    previous_condition_set_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    new_condition_set_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    previous_last_day = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    new_last_day = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    necessity_rationale = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    recorded_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_order_changes", x => x.id);
                    table.ForeignKey(
                        name: "fk_order_changes_orders_order_id",
                        column: x => x.order_id,
                        principalTable: "orders",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "conditions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    condition_set_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    type = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    category = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    wording = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    scope = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    locality_text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    necessity_rationale = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    conflict_considered = table.Column<bool>(type: "INTEGER", nullable: false),
                    conflict_found = table.Column<bool>(type: "INTEGER", nullable: false),
                    conflict_notes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    duration = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    ends_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    legal_override_reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    legal_override_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_conditions", x => x.id);
                    table.ForeignKey(
                        name: "fk_conditions_condition_sets_condition_set_id",
                        column: x => x.condition_set_id,
                        principalTable: "condition_sets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "order_change_consents",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    order_change_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    party = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    given_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    method = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_order_change_consents", x => x.id);
                    table.ForeignKey(
                        name: "fk_order_change_consents_order_changes_order_change_id",
                        column: x => x.order_change_id,
                        principalTable: "order_changes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "breaches",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    order_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    condition_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    incident_at = table.Column<long>(type: "INTEGER", nullable: false),
                    incident_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    incident_location = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    reported_at = table.Column<long>(type: "INTEGER", nullable: false),
                    order_served_at = table.Column<long>(type: "INTEGER", nullable: true),
                    needs_legal_review = table.Column<bool>(type: "INTEGER", nullable: false),
                    legal_review_reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    reasonable_excuse_claimed = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    crime_reference = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    arrested_at = table.Column<long>(type: "INTEGER", nullable: true),
                    charged_at = table.Column<long>(type: "INTEGER", nullable: true),
                    outcome = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    convicted_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    sentence = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    victim_informed_at = table.Column<long>(type: "INTEGER", nullable: true),
                    version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_breaches", x => x.id);
                    table.ForeignKey(
                        name: "fk_breaches_conditions_condition_id",
                        column: x => x.condition_id,
                        principalTable: "conditions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_breaches_orders_order_id",
                        column: x => x.order_id,
                        principalTable: "orders",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "condition_protected_persons",
                columns: table => new
                {
                    condition_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    victim_id = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_condition_protected_persons", x => new { x.condition_id, x.victim_id });
                    table.ForeignKey(
                        name: "fk_condition_protected_persons_conditions_condition_id",
                        column: x => x.condition_id,
                        principalTable: "conditions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_condition_protected_persons_victims_victim_id",
                        column: x => x.victim_id,
                        principalTable: "victims",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_appeals_application_id",
                table: "appeals",
                column: "application_id");

            migrationBuilder.CreateIndex(
                name: "ix_appeals_order_id",
                table: "appeals",
                column: "order_id");

            migrationBuilder.CreateIndex(
                name: "ix_application_evidence_application_id",
                table: "application_evidence",
                column: "application_id");

            migrationBuilder.CreateIndex(
                name: "ix_application_protected_persons_application_id_victim_id",
                table: "application_protected_persons",
                columns: new[] { "application_id", "victim_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_application_protected_persons_victim_id",
                table: "application_protected_persons",
                column: "victim_id");

            migrationBuilder.CreateIndex(
                name: "ix_applications_case_id_status",
                table: "applications",
                columns: new[] { "case_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_applications_main_application_id",
                table: "applications",
                column: "main_application_id");

            migrationBuilder.CreateIndex(
                name: "ix_applications_order_id",
                table: "applications",
                column: "order_id");

            migrationBuilder.CreateIndex(
                name: "ix_applications_respondent_id",
                table: "applications",
                column: "respondent_id");

            migrationBuilder.CreateIndex(
                name: "ix_breaches_condition_id",
                table: "breaches",
                column: "condition_id");

            migrationBuilder.CreateIndex(
                name: "ix_breaches_order_id_incident_at",
                table: "breaches",
                columns: new[] { "order_id", "incident_at" });

            migrationBuilder.CreateIndex(
                name: "ix_cases_respondent_id",
                table: "cases",
                column: "respondent_id");

            migrationBuilder.CreateIndex(
                name: "ix_cases_team_status",
                table: "cases",
                columns: new[] { "team", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_condition_protected_persons_victim_id",
                table: "condition_protected_persons",
                column: "victim_id");

            migrationBuilder.CreateIndex(
                name: "ix_condition_sets_order_id_number",
                table: "condition_sets",
                columns: new[] { "order_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_conditions_condition_set_id_sequence",
                table: "conditions",
                columns: new[] { "condition_set_id", "sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_hearings_application_id_listed_for",
                table: "hearings",
                columns: new[] { "application_id", "listed_for" });

            migrationBuilder.CreateIndex(
                name: "ix_management_reviews_order_id_reviewed_at",
                table: "management_reviews",
                columns: new[] { "order_id", "reviewed_at" });

            migrationBuilder.CreateIndex(
                name: "ix_notification_events_acknowledgement_reference",
                table: "notification_events",
                column: "acknowledgement_reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_notification_events_respondent_id_notified_at",
                table: "notification_events",
                columns: new[] { "respondent_id", "notified_at" });

            migrationBuilder.CreateIndex(
                name: "ix_notification_obligations_order_id",
                table: "notification_obligations",
                column: "order_id");

            migrationBuilder.CreateIndex(
                name: "ix_notification_obligations_respondent_id_trigger_trigger_date",
                table: "notification_obligations",
                columns: new[] { "respondent_id", "trigger", "trigger_date" });

            migrationBuilder.CreateIndex(
                name: "ix_notification_obligations_status_due_by",
                table: "notification_obligations",
                columns: new[] { "status", "due_by" });

            migrationBuilder.CreateIndex(
                name: "ix_order_change_consents_order_change_id",
                table: "order_change_consents",
                column: "order_change_id");

            migrationBuilder.CreateIndex(
                name: "ix_order_changes_order_id_decided_on",
                table: "order_changes",
                columns: new[] { "order_id", "decided_on" });

            migrationBuilder.CreateIndex(
                name: "ix_orders_application_id",
                table: "orders",
                column: "application_id");

            migrationBuilder.CreateIndex(
                name: "ix_orders_case_id",
                table: "orders",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "ix_orders_in_force",
                table: "orders",
                columns: new[] { "made_date", "last_in_force_day", "ended_on" });

            migrationBuilder.CreateIndex(
                name: "ix_orders_main_application_id",
                table: "orders",
                column: "main_application_id");

            migrationBuilder.CreateIndex(
                name: "ix_orders_respondent_id",
                table: "orders",
                column: "respondent_id");

            migrationBuilder.CreateIndex(
                name: "ix_orders_served_at",
                table: "orders",
                column: "served_at");

            migrationBuilder.CreateIndex(
                name: "ix_people_pnc_id",
                table: "people",
                column: "pnc_id");

            migrationBuilder.CreateIndex(
                name: "ix_person_names_family_name_given_names",
                table: "person_names",
                columns: new[] { "family_name", "given_names" });

            migrationBuilder.CreateIndex(
                name: "ix_person_names_person_id",
                table: "person_names",
                column: "person_id");

            migrationBuilder.CreateIndex(
                name: "ix_respondent_addresses_respondent_id",
                table: "respondent_addresses",
                column: "respondent_id");

            migrationBuilder.CreateIndex(
                name: "ix_respondent_soa_periods_respondent_id",
                table: "respondent_soa_periods",
                column: "respondent_id");

            migrationBuilder.CreateIndex(
                name: "ix_respondents_person_id",
                table: "respondents",
                column: "person_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_risk_assessments_case_id_completed_at",
                table: "risk_assessments",
                columns: new[] { "case_id", "completed_at" });

            migrationBuilder.CreateIndex(
                name: "ix_spo_decisions_case_id_decided_at",
                table: "spo_decisions",
                columns: new[] { "case_id", "decided_at" });

            migrationBuilder.CreateIndex(
                name: "ix_staff_tasks_assigned_team_status",
                table: "staff_tasks",
                columns: new[] { "assigned_team", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_staff_tasks_key",
                table: "staff_tasks",
                column: "key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_staff_tasks_order_id",
                table: "staff_tasks",
                column: "order_id");

            migrationBuilder.CreateIndex(
                name: "ix_staff_tasks_status_due_on",
                table: "staff_tasks",
                columns: new[] { "status", "due_on" });

            migrationBuilder.CreateIndex(
                name: "ix_stalking_acts_case_id_occurred_from",
                table: "stalking_acts",
                columns: new[] { "case_id", "occurred_from" });

            migrationBuilder.CreateIndex(
                name: "ix_stalking_acts_target_victim_id",
                table: "stalking_acts",
                column: "target_victim_id");

            migrationBuilder.CreateIndex(
                name: "ix_victim_contact_details_email_hash",
                table: "victim_contact_details",
                column: "email_hash");

            migrationBuilder.CreateIndex(
                name: "ix_victim_contact_details_phone_hash",
                table: "victim_contact_details",
                column: "phone_hash");

            migrationBuilder.CreateIndex(
                name: "ix_victim_contact_details_victim_id",
                table: "victim_contact_details",
                column: "victim_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_victim_contact_events_victim_id_occurred_at",
                table: "victim_contact_events",
                columns: new[] { "victim_id", "occurred_at" });

            migrationBuilder.CreateIndex(
                name: "ix_victims_case_id_person_id",
                table: "victims",
                columns: new[] { "case_id", "person_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_victims_person_id",
                table: "victims",
                column: "person_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "appeals");

            migrationBuilder.DropTable(
                name: "application_evidence");

            migrationBuilder.DropTable(
                name: "application_protected_persons");

            migrationBuilder.DropTable(
                name: "breaches");

            migrationBuilder.DropTable(
                name: "condition_protected_persons");

            migrationBuilder.DropTable(
                name: "hearings");

            migrationBuilder.DropTable(
                name: "management_reviews");

            migrationBuilder.DropTable(
                name: "notification_events");

            migrationBuilder.DropTable(
                name: "notification_obligations");

            migrationBuilder.DropTable(
                name: "order_change_consents");

            migrationBuilder.DropTable(
                name: "person_names");

            migrationBuilder.DropTable(
                name: "respondent_addresses");

            migrationBuilder.DropTable(
                name: "respondent_soa_periods");

            migrationBuilder.DropTable(
                name: "risk_assessments");

            migrationBuilder.DropTable(
                name: "spo_decisions");

            migrationBuilder.DropTable(
                name: "staff_tasks");

            migrationBuilder.DropTable(
                name: "stalking_acts");

            migrationBuilder.DropTable(
                name: "victim_contact_details");

            migrationBuilder.DropTable(
                name: "victim_contact_events");

            migrationBuilder.DropTable(
                name: "conditions");

            migrationBuilder.DropTable(
                name: "order_changes");

            migrationBuilder.DropTable(
                name: "victims");

            migrationBuilder.DropTable(
                name: "condition_sets");

            migrationBuilder.DropTable(
                name: "orders");

            migrationBuilder.DropTable(
                name: "applications");

            migrationBuilder.DropTable(
                name: "cases");

            migrationBuilder.DropTable(
                name: "respondents");

            migrationBuilder.DropTable(
                name: "people");
        }
    }
}
