using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SyncHub.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class RecordCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SyncLog_StartedAt",
                table: "SyncLog");

            migrationBuilder.CreateTable(
                name: "RecordCounts",
                columns: table => new
                {
                    IntegrationId = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Archived = table.Column<bool>(type: "boolean", nullable: false),
                    Count = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RecordCounts", x => new { x.IntegrationId, x.Status, x.Archived });
                });

            // Triggers keep the counts in the same transaction as every change to a record, whatever wrote it (EF,
            // ExecuteUpdate, a cascade from a deleted integration), so no code path can forget them. They run once
            // per statement over its transition tables, so a claim or an operation that updates a hundred records
            // moves each count once, and they apply the deltas in key order, so transactions that touch the same
            // counts lock them in the same order.
            migrationBuilder.Sql("""
                CREATE FUNCTION "Records_CountInsert"() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO "RecordCounts" AS c ("IntegrationId", "Status", "Archived", "Count")
                    SELECT "IntegrationId", "Status", "ArchivedAt" IS NOT NULL, COUNT(*) FROM new_rows
                    GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
                    ON CONFLICT ("IntegrationId", "Status", "Archived") DO UPDATE SET "Count" = c."Count" + EXCLUDED."Count";
                    RETURN NULL;
                END;
                $$;
                CREATE TRIGGER "Records_CountInsert" AFTER INSERT ON "Records"
                REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "Records_CountInsert"();

                CREATE FUNCTION "Records_CountUpdate"() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO "RecordCounts" AS c ("IntegrationId", "Status", "Archived", "Count")
                    SELECT d."IntegrationId", d."Status", d."Archived", SUM(d."Delta") FROM (
                        SELECT "IntegrationId", "Status", "ArchivedAt" IS NOT NULL AS "Archived", 1 AS "Delta" FROM new_rows
                        UNION ALL
                        SELECT "IntegrationId", "Status", "ArchivedAt" IS NOT NULL, -1 FROM old_rows) AS d
                    GROUP BY 1, 2, 3 HAVING SUM(d."Delta") <> 0 ORDER BY 1, 2, 3
                    ON CONFLICT ("IntegrationId", "Status", "Archived") DO UPDATE SET "Count" = c."Count" + EXCLUDED."Count";
                    RETURN NULL;
                END;
                $$;
                CREATE TRIGGER "Records_CountUpdate" AFTER UPDATE ON "Records"
                REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "Records_CountUpdate"();

                CREATE FUNCTION "Records_CountDelete"() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO "RecordCounts" AS c ("IntegrationId", "Status", "Archived", "Count")
                    SELECT "IntegrationId", "Status", "ArchivedAt" IS NOT NULL, -COUNT(*) FROM old_rows
                    GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
                    ON CONFLICT ("IntegrationId", "Status", "Archived") DO UPDATE SET "Count" = c."Count" + EXCLUDED."Count";
                    RETURN NULL;
                END;
                $$;
                CREATE TRIGGER "Records_CountDelete" AFTER DELETE ON "Records"
                REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "Records_CountDelete"();

                INSERT INTO "RecordCounts" ("IntegrationId", "Status", "Archived", "Count")
                SELECT "IntegrationId", "Status", "ArchivedAt" IS NOT NULL, COUNT(*) FROM "Records" GROUP BY 1, 2, 3;
                """);


            migrationBuilder.CreateIndex(
                name: "IX_SyncLog_IntegrationId_Id_Errors",
                table: "SyncLog",
                columns: new[] { "IntegrationId", "Id" },
                filter: "\"ErrorClass\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_SyncLog_StartedAt_IntegrationId_Status_ErrorClass",
                table: "SyncLog",
                columns: new[] { "StartedAt", "IntegrationId", "Status", "ErrorClass" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS "Records_CountInsert" ON "Records";
                DROP TRIGGER IF EXISTS "Records_CountUpdate" ON "Records";
                DROP TRIGGER IF EXISTS "Records_CountDelete" ON "Records";
                DROP FUNCTION IF EXISTS "Records_CountInsert"();
                DROP FUNCTION IF EXISTS "Records_CountUpdate"();
                DROP FUNCTION IF EXISTS "Records_CountDelete"();
                """);
            migrationBuilder.DropTable(
                name: "RecordCounts");

            migrationBuilder.DropIndex(
                name: "IX_SyncLog_IntegrationId_Id_Errors",
                table: "SyncLog");

            migrationBuilder.DropIndex(
                name: "IX_SyncLog_StartedAt_IntegrationId_Status_ErrorClass",
                table: "SyncLog");

            migrationBuilder.CreateIndex(
                name: "IX_SyncLog_StartedAt",
                table: "SyncLog",
                column: "StartedAt");
        }
    }
}
