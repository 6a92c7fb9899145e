using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SyncHub.Data.Migrations
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
                    IntegrationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Archived = table.Column<bool>(type: "INTEGER", nullable: false),
                    Count = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RecordCounts", x => new { x.IntegrationId, x.Status, x.Archived });
                });

            // Triggers keep the counts in the same transaction as every change to a record, whatever wrote it (EF,
            // ExecuteUpdate, a cascade from a deleted integration), so no code path can forget them.
            migrationBuilder.Sql("""
                CREATE TRIGGER "Records_CountInsert" AFTER INSERT ON "Records"
                BEGIN
                    INSERT INTO "RecordCounts" ("IntegrationId", "Status", "Archived", "Count")
                    VALUES (NEW."IntegrationId", NEW."Status", NEW."ArchivedAt" IS NOT NULL, 1)
                    ON CONFLICT ("IntegrationId", "Status", "Archived") DO UPDATE SET "Count" = "Count" + 1;
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Records_CountUpdate" AFTER UPDATE OF "IntegrationId", "Status", "ArchivedAt" ON "Records"
                WHEN OLD."IntegrationId" <> NEW."IntegrationId" OR OLD."Status" <> NEW."Status"
                  OR (OLD."ArchivedAt" IS NULL) <> (NEW."ArchivedAt" IS NULL)
                BEGIN
                    UPDATE "RecordCounts" SET "Count" = "Count" - 1
                    WHERE "IntegrationId" = OLD."IntegrationId" AND "Status" = OLD."Status" AND "Archived" = (OLD."ArchivedAt" IS NOT NULL);
                    INSERT INTO "RecordCounts" ("IntegrationId", "Status", "Archived", "Count")
                    VALUES (NEW."IntegrationId", NEW."Status", NEW."ArchivedAt" IS NOT NULL, 1)
                    ON CONFLICT ("IntegrationId", "Status", "Archived") DO UPDATE SET "Count" = "Count" + 1;
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Records_CountDelete" AFTER DELETE ON "Records"
                BEGIN
                    UPDATE "RecordCounts" SET "Count" = "Count" - 1
                    WHERE "IntegrationId" = OLD."IntegrationId" AND "Status" = OLD."Status" AND "Archived" = (OLD."ArchivedAt" IS NOT NULL);
                END;
                """);
            migrationBuilder.Sql("""
                INSERT INTO "RecordCounts" ("IntegrationId", "Status", "Archived", "Count")
                SELECT "IntegrationId", "Status", "ArchivedAt" IS NOT NULL, COUNT(*) FROM "Records"
                GROUP BY "IntegrationId", "Status", "ArchivedAt" IS NOT NULL;
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
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "Records_CountInsert";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "Records_CountUpdate";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "Records_CountDelete";""");
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
