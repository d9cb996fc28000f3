using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace StalkingProtection.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class StatisticsOfChangesAndOffences : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_order_changes_decided_statistics",
                table: "order_changes",
                columns: new[] { "decided_on", "type" });

            migrationBuilder.CreateIndex(
                name: "ix_notification_offences_offence_statistics",
                table: "notification_offences",
                columns: new[] { "offence_on", "outcome" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_order_changes_decided_statistics",
                table: "order_changes");

            migrationBuilder.DropIndex(
                name: "ix_notification_offences_offence_statistics",
                table: "notification_offences");
        }
    }
}
