using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace StalkingProtection.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ProposedConditions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "locality_polygon",
                table: "conditions",
                type: "character varying(20000)",
                maxLength: 20000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "map_reference",
                table: "conditions",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "application_proposed_conditions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    application_id = table.Column<Guid>(type: "uuid", nullable: false),
                    sequence = table.Column<int>(type: "integer", nullable: false),
                    template_key = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    template_parameters = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    type = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    category = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    wording = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    scope = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    locality_text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    map_reference = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    locality_polygon = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    protected_person_ids = table.Column<Guid[]>(type: "uuid[]", nullable: false),
                    necessity_rationale = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    conflict_considered = table.Column<bool>(type: "boolean", nullable: false),
                    conflict_found = table.Column<bool>(type: "boolean", nullable: false),
                    conflict_notes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    duration = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    ends_on = table.Column<DateOnly>(type: "date", nullable: true),
                    override_reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    override_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_application_proposed_conditions", x => x.id);
                    table.ForeignKey(
                        name: "fk_application_proposed_conditions_applications_application_id",
                        column: x => x.application_id,
                        principalTable: "applications",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_application_proposed_conditions_application_id_sequence",
                table: "application_proposed_conditions",
                columns: new[] { "application_id", "sequence" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "application_proposed_conditions");

            migrationBuilder.DropColumn(
                name: "locality_polygon",
                table: "conditions");

            migrationBuilder.DropColumn(
                name: "map_reference",
                table: "conditions");
        }
    }
}
