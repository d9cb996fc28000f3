using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace StalkingProtection.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AuditHashChain : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "audit_seals",
                columns: table => new
                {
                    entry_id = table.Column<long>(type: "bigint", nullable: false),
                    previous_entry_id = table.Column<long>(type: "bigint", nullable: true),
                    content_hash = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: false),
                    chain_hash = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: false),
                    sealed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_seals", x => x.entry_id);
                });

            // S3: the links of the hash chain are append-only, like the entries they seal.
            migrationBuilder.Sql("CREATE TRIGGER audit_seals_no_change BEFORE UPDATE OR DELETE ON audit_seals FOR EACH ROW EXECUTE FUNCTION audit_entries_append_only();");
            migrationBuilder.Sql("CREATE TRIGGER audit_seals_no_truncate BEFORE TRUNCATE ON audit_seals FOR EACH STATEMENT EXECUTE FUNCTION audit_entries_append_only();");

            migrationBuilder.InsertData(
                table: "job_leases",
                columns: new[] { "name", "holder", "last_completed_at", "leased_until" },
                values: new object[] { "audit-seal", null, null, new DateTimeOffset(new DateTime(1970, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)) });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS audit_seals_no_truncate ON audit_seals;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS audit_seals_no_change ON audit_seals;");

            migrationBuilder.DropTable(
                name: "audit_seals");

            migrationBuilder.DeleteData(
                table: "job_leases",
                keyColumn: "name",
                keyValue: "audit-seal");
        }
    }
}
