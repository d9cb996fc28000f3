using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace StalkingProtection.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SearchWordsAndAuditIdLocks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "person_name_words",
                columns: table => new
                {
                    person_name_id = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    word = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    joined = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_person_name_words", x => new { x.person_name_id, x.position });
                    table.ForeignKey(
                        name: "fk_person_name_words_person_names_person_name_id",
                        column: x => x.person_name_id,
                        principalTable: "person_names",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_person_name_words_joined",
                table: "person_name_words",
                column: "joined");

            migrationBuilder.CreateIndex(
                name: "ix_person_name_words_word",
                table: "person_name_words",
                column: "word");

            // The change feed's head (AuditChain.SealAsync): before the first audit entry of a transaction takes its id, the
            // transaction takes a shared advisory lock keyed by the last id handed out and holds it to its end, so the sealer
            // sees the lowest id a transaction in flight may hold, however long it runs.
            migrationBuilder.Sql(@"CREATE FUNCTION audit_entries_take_id() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('stalking_protection.audit_id_locked', true) IS DISTINCT FROM 'yes' THEN
        PERFORM pg_advisory_xact_lock_shared((SELECT last_value FROM audit_entries_id_seq));
        PERFORM set_config('stalking_protection.audit_id_locked', 'yes', true);
    END IF;
    NEW.id := nextval('audit_entries_id_seq');
    RETURN NEW;
END;
$$;");
            migrationBuilder.Sql("CREATE TRIGGER audit_entries_take_id BEFORE INSERT ON audit_entries FOR EACH ROW EXECUTE FUNCTION audit_entries_take_id();");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS audit_entries_take_id ON audit_entries;");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS audit_entries_take_id();");

            migrationBuilder.DropTable(
                name: "person_name_words");
        }
    }
}
