using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace StalkingProtection.Core.Data.Migrations.Sqlite
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
                    entry_id = table.Column<long>(type: "INTEGER", nullable: false),
                    previous_entry_id = table.Column<long>(type: "INTEGER", nullable: true),
                    content_hash = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: false),
                    chain_hash = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: false),
                    sealed_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_seals", x => x.entry_id);
                });

            // S3: the links of the hash chain are append-only, like the entries they seal.
            migrationBuilder.Sql("CREATE TRIGGER audit_seals_no_update BEFORE UPDATE ON audit_seals BEGIN SELECT RAISE(ABORT, 'audit seals are append-only'); END;");
            migrationBuilder.Sql("CREATE TRIGGER audit_seals_no_delete BEFORE DELETE ON audit_seals BEGIN SELECT RAISE(ABORT, 'audit seals are append-only'); END;");

            migrationBuilder.InsertData(
                table: "job_leases",
                columns: new[] { "name", "holder", "last_completed_at", "leased_until" },
                values: new object[] { "audit-seal", null, null, 1272537022464000000L });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS audit_seals_no_update;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS audit_seals_no_delete;");

            migrationBuilder.DropTable(
                name: "audit_seals");

            migrationBuilder.DeleteData(
                table: "job_leases",
                keyColumn: "name",
                keyValue: "audit-seal");
        }
    }
}
