using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

#nullable disable

namespace StalkingProtection.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ListSortKeysForOrdersAndApplications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "kind_sort_key",
                table: "orders",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateOnly>(
                name: "last_day_sort_key",
                table: "orders",
                type: "TEXT",
                nullable: false,
                defaultValue: DateOnly.MaxValue);

            migrationBuilder.AddColumn<DateOnly>(
                name: "next_deadline_on",
                table: "orders",
                type: "TEXT",
                nullable: false,
                defaultValue: DateOnly.MaxValue);

            migrationBuilder.AddColumn<string>(
                name: "respondent_sort_key",
                table: "orders",
                type: "TEXT",
                maxLength: 401,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<long>(
                name: "status_sort_key",
                table: "orders",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "hearing_sort_key",
                table: "applications",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<int>(
                name: "kind_sort_key",
                table: "applications",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "respondent_sort_key",
                table: "applications",
                type: "TEXT",
                maxLength: 401,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "status_sort_key",
                table: "applications",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            // Instants are stored in EF Core's binary form on SQLite; an application never listed sorts after every hearing.
            var noHearing = new DateTimeOffsetToBinaryConverter().ConvertToProvider(new DateTimeOffset(9999, 12, 31, 0, 0, 0, TimeSpan.Zero));

            // P1: every order's and application's list sort keys worked out once, as OrderListKeys and ApplicationListKeys work
            // them out on each save from now on.
            migrationBuilder.Sql("""
                UPDATE orders SET
                    respondent_sort_key = COALESCE((SELECT n.family_name || ' ' || n.given_names FROM person_names n
                        WHERE NOT n.is_alias AND n.person_id = (SELECT r.person_id FROM respondents r WHERE r.id = orders.respondent_id)
                        ORDER BY n.id LIMIT 1), ''),
                    kind_sort_key = CASE orders.kind WHEN 'Interim' THEN 0 ELSE 1 END,
                    last_day_sort_key = CASE WHEN orders.ended_on IS NOT NULL AND (orders.last_in_force_day IS NULL OR orders.ended_on <= orders.last_in_force_day) THEN orders.ended_on
                        ELSE COALESCE(orders.last_in_force_day, '9999-12-31') END,
                    status_sort_key = CASE WHEN orders.ended_on IS NOT NULL AND (orders.last_in_force_day IS NULL OR orders.ended_on <= orders.last_in_force_day)
                        THEN 10000000 * CASE orders.ending WHEN 'Discharged' THEN 3 WHEN 'Quashed' THEN 4 WHEN 'Superseded' THEN 5 ELSE 6 END
                        ELSE 10000000 + CASE WHEN orders.last_in_force_day IS NULL THEN 0 ELSE 3652060 - CAST(julianday(orders.last_in_force_day) - julianday('0001-01-01') AS INTEGER) END END,
                    next_deadline_on = COALESCE((SELECT MIN(x.due) FROM (
                        SELECT t.due_on AS due FROM staff_tasks t WHERE t.order_id = orders.id AND t.status = 'Open'
                        UNION ALL
                        SELECT n.due_by FROM notification_obligations n WHERE n.order_id = orders.id AND n.status IN ('Open', 'Overdue')) x), '9999-12-31')
                """);
            migrationBuilder.Sql($"""
                UPDATE applications SET
                    respondent_sort_key = COALESCE((SELECT n.family_name || ' ' || n.given_names FROM person_names n
                        WHERE NOT n.is_alias AND n.person_id = (SELECT r.person_id FROM respondents r WHERE r.id = applications.respondent_id)
                        ORDER BY n.id LIMIT 1), ''),
                    kind_sort_key = CASE applications.type WHEN 'Full' THEN 0 WHEN 'Interim' THEN 1 WHEN 'Variation' THEN 2 WHEN 'Renewal' THEN 3 ELSE 4 END,
                    hearing_sort_key = COALESCE(
                        (SELECT MIN(h.listed_for) FROM hearings h WHERE h.application_id = applications.id AND h.outcome = 'Pending'),
                        (SELECT MAX(h.listed_for) FROM hearings h WHERE h.application_id = applications.id),
                        {noHearing}),
                    status_sort_key = CASE applications.status
                        WHEN 'Draft' THEN CASE WHEN applications.authorised_at IS NOT NULL THEN 2 WHEN applications.awaiting_authorisation_since IS NOT NULL THEN 1 ELSE 0 END
                        WHEN 'Submitted' THEN 3 WHEN 'Listed' THEN 4 WHEN 'Adjourned' THEN 5 WHEN 'Withdrawn' THEN 10
                        ELSE CASE applications.determination WHEN 'Granted' THEN 6 WHEN 'Refused' THEN 7 WHEN 'Dismissed' THEN 8 ELSE 9 END END
                """);

            migrationBuilder.CreateIndex(
                name: "ix_orders_kind_sort_key_id",
                table: "orders",
                columns: new[] { "kind_sort_key", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_orders_last_day_sort_key_id",
                table: "orders",
                columns: new[] { "last_day_sort_key", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_orders_next_deadline_on_id",
                table: "orders",
                columns: new[] { "next_deadline_on", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_orders_respondent_sort_key_id",
                table: "orders",
                columns: new[] { "respondent_sort_key", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_orders_status_sort_key_id",
                table: "orders",
                columns: new[] { "status_sort_key", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_applications_court_name_id",
                table: "applications",
                columns: new[] { "court_name", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_applications_hearing_sort_key_id",
                table: "applications",
                columns: new[] { "hearing_sort_key", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_applications_kind_sort_key_id",
                table: "applications",
                columns: new[] { "kind_sort_key", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_applications_respondent_sort_key_id",
                table: "applications",
                columns: new[] { "respondent_sort_key", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_applications_status_sort_key_id",
                table: "applications",
                columns: new[] { "status_sort_key", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_orders_kind_sort_key_id",
                table: "orders");

            migrationBuilder.DropIndex(
                name: "ix_orders_last_day_sort_key_id",
                table: "orders");

            migrationBuilder.DropIndex(
                name: "ix_orders_next_deadline_on_id",
                table: "orders");

            migrationBuilder.DropIndex(
                name: "ix_orders_respondent_sort_key_id",
                table: "orders");

            migrationBuilder.DropIndex(
                name: "ix_orders_status_sort_key_id",
                table: "orders");

            migrationBuilder.DropIndex(
                name: "ix_applications_court_name_id",
                table: "applications");

            migrationBuilder.DropIndex(
                name: "ix_applications_hearing_sort_key_id",
                table: "applications");

            migrationBuilder.DropIndex(
                name: "ix_applications_kind_sort_key_id",
                table: "applications");

            migrationBuilder.DropIndex(
                name: "ix_applications_respondent_sort_key_id",
                table: "applications");

            migrationBuilder.DropIndex(
                name: "ix_applications_status_sort_key_id",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "kind_sort_key",
                table: "orders");

            migrationBuilder.DropColumn(
                name: "last_day_sort_key",
                table: "orders");

            migrationBuilder.DropColumn(
                name: "next_deadline_on",
                table: "orders");

            migrationBuilder.DropColumn(
                name: "respondent_sort_key",
                table: "orders");

            migrationBuilder.DropColumn(
                name: "status_sort_key",
                table: "orders");

            migrationBuilder.DropColumn(
                name: "hearing_sort_key",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "kind_sort_key",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "respondent_sort_key",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "status_sort_key",
                table: "applications");
        }
    }
}
