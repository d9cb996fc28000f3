using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace StalkingProtection.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReportedBreaches : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "journey",
                table: "public_report_drafts",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "ReportStalking");

            migrationBuilder.AddColumn<string>(
                name: "victim_reference",
                table: "orders",
                type: "TEXT",
                maxLength: 13,
                nullable: true);

            // Orders recorded before victims were given a reference get one now, so staff can give it to them.
            // Existing orders get a reference too; a reference drawn twice is drawn again before the unique index is made.
            const string Draw = "'SPO-' || substr('ABCDEFGHJKLMNPQRSTUVWXYZ23456789', (abs(random()) % 32) + 1, 1) || substr('ABCDEFGHJKLMNPQRSTUVWXYZ23456789', (abs(random()) % 32) + 1, 1) || substr('ABCDEFGHJKLMNPQRSTUVWXYZ23456789', (abs(random()) % 32) + 1, 1) || substr('ABCDEFGHJKLMNPQRSTUVWXYZ23456789', (abs(random()) % 32) + 1, 1) || '-' || substr('ABCDEFGHJKLMNPQRSTUVWXYZ23456789', (abs(random()) % 32) + 1, 1) || substr('ABCDEFGHJKLMNPQRSTUVWXYZ23456789', (abs(random()) % 32) + 1, 1) || substr('ABCDEFGHJKLMNPQRSTUVWXYZ23456789', (abs(random()) % 32) + 1, 1) || substr('ABCDEFGHJKLMNPQRSTUVWXYZ23456789', (abs(random()) % 32) + 1, 1)";
            migrationBuilder.Sql($"UPDATE orders SET victim_reference = {Draw} WHERE victim_reference IS NULL;");
            for (var pass = 0; pass < 5; pass++)
            {
                migrationBuilder.Sql($"UPDATE orders SET victim_reference = {Draw} WHERE EXISTS (SELECT 1 FROM orders AS earlier WHERE earlier.victim_reference = orders.victim_reference AND earlier.id < orders.id);");
            }

            migrationBuilder.CreateTable(
                name: "reported_breaches",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    reference = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    draft_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    submitted_at = table.Column<long>(type: "INTEGER", nullable: false),
                    order_reference_given = table.Column<string>(type: "TEXT", maxLength: 13, nullable: false),
                    order_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    order_was_live = table.Column<bool>(type: "INTEGER", nullable: false),
                    reporting_for = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    what_happened = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    happened_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    happened_at_time = table.Column<TimeOnly>(type: "TEXT", nullable: true),
                    location = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    evidence = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    contact_methods = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    protected_contact = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    decision = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    decision_reasons = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    decided_by_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    decided_by_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    decided_at = table.Column<long>(type: "INTEGER", nullable: true),
                    victim_told_at = table.Column<long>(type: "INTEGER", nullable: true),
                    version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_reported_breaches", x => x.id);
                    table.ForeignKey(
                        name: "fk_reported_breaches_orders_order_id",
                        column: x => x.order_id,
                        principalTable: "orders",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_orders_victim_reference",
                table: "orders",
                column: "victim_reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_reported_breaches_draft_id",
                table: "reported_breaches",
                column: "draft_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_reported_breaches_order_id_submitted_at",
                table: "reported_breaches",
                columns: new[] { "order_id", "submitted_at" });

            migrationBuilder.CreateIndex(
                name: "ix_reported_breaches_reference",
                table: "reported_breaches",
                column: "reference",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "reported_breaches");

            migrationBuilder.DropIndex(
                name: "ix_orders_victim_reference",
                table: "orders");

            migrationBuilder.DropColumn(
                name: "journey",
                table: "public_report_drafts");

            migrationBuilder.DropColumn(
                name: "victim_reference",
                table: "orders");
        }
    }
}
