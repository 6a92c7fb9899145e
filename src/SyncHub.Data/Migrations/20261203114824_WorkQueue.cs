using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SyncHub.Data.Migrations
{
    /// <inheritdoc />
    public partial class WorkQueue : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SyncLog_RunId_Id",
                table: "SyncLog");

            migrationBuilder.DropIndex(
                name: "IX_Records_ArchivedAt_Id",
                table: "Records");

            migrationBuilder.DropIndex(
                name: "IX_Records_ClaimToken",
                table: "Records");

            migrationBuilder.DropIndex(
                name: "IX_Records_IntegrationId_ParentEntityType_ParentSourceId",
                table: "Records");

            migrationBuilder.DropIndex(
                name: "IX_Records_RetryOperationId_NextAttemptAt_Id",
                table: "Records");

            migrationBuilder.DropIndex(
                name: "IX_Records_RunId_Status",
                table: "Records");

            migrationBuilder.DropIndex(
                name: "IX_Records_Status_ClaimedBy",
                table: "Records");

            migrationBuilder.DropIndex(
                name: "IX_Records_Status_ErrorFingerprint",
                table: "Records");

            migrationBuilder.DropIndex(
                name: "IX_Records_Status_NextAttemptAt",
                table: "Records");

            migrationBuilder.CreateTable(
                name: "WorkQueue",
                columns: table => new
                {
                    RecordId = table.Column<long>(type: "INTEGER", nullable: false),
                    IntegrationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Lane = table.Column<int>(type: "INTEGER", nullable: false),
                    DueAt = table.Column<long>(type: "INTEGER", nullable: false),
                    OperationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RunId = table.Column<long>(type: "INTEGER", nullable: true),
                    ClaimToken = table.Column<Guid>(type: "TEXT", nullable: true),
                    ClaimedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkQueue", x => x.RecordId);
                    table.ForeignKey(
                        name: "FK_WorkQueue_Records_RecordId",
                        column: x => x.RecordId,
                        principalTable: "Records",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SyncLog_RunId_Id",
                table: "SyncLog",
                columns: new[] { "RunId", "Id" },
                filter: "\"RunId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Records_ArchivedAt_Id",
                table: "Records",
                columns: new[] { "ArchivedAt", "Id" },
                filter: "\"ArchivedAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_WorkQueue_Lane_DueAt_RecordId",
                table: "WorkQueue",
                columns: new[] { "Lane", "DueAt", "RecordId" });

            migrationBuilder.CreateIndex(
                name: "IX_WorkQueue_OperationId_DueAt_RecordId",
                table: "WorkQueue",
                columns: new[] { "OperationId", "DueAt", "RecordId" },
                filter: "\"OperationId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_WorkQueue_RunId_RecordId",
                table: "WorkQueue",
                columns: new[] { "RunId", "RecordId" },
                filter: "\"RunId\" IS NOT NULL");

            // The work queue is a function of the records' state (Data/Bookkeeping/WorkQueueProjection, as of this
            // migration): in flight = claimed (9), pending with a due time = delivery (0), pending staged by a run = run (3),
            // failed or dead letter queued by an operation = manual retry (2), failed with a retry due = automatic retry (1).
            migrationBuilder.Sql("""
                INSERT INTO "WorkQueue" ("RecordId", "IntegrationId", "Lane", "DueAt", "OperationId", "RunId", "ClaimToken", "ClaimedBy")
                SELECT q."Id", q."IntegrationId", q."Lane",
                       CASE q."Lane" WHEN 9 THEN q."UpdatedAt" WHEN 3 THEN 0 WHEN 2 THEN COALESCE(q."NextAttemptAt", 0) ELSE q."NextAttemptAt" END,
                       CASE WHEN q."Lane" = 2 THEN q."RetryOperationId" END,
                       CASE WHEN q."Lane" = 3 THEN q."RunId" END,
                       CASE WHEN q."Lane" = 9 THEN q."ClaimToken" END,
                       CASE WHEN q."Lane" = 9 THEN q."ClaimedBy" END
                FROM (SELECT r."Id", r."IntegrationId", r."UpdatedAt", r."NextAttemptAt", r."RetryOperationId", r."RunId", r."ClaimToken", r."ClaimedBy",
                             CASE
                                 WHEN r."Status" = 1 THEN 9
                                 WHEN r."Status" = 0 AND r."NextAttemptAt" IS NOT NULL THEN 0
                                 WHEN r."Status" = 0 AND r."RunId" IS NOT NULL THEN 3
                                 WHEN r."Status" IN (3, 4) AND r."RetryOperationId" IS NOT NULL THEN 2
                                 WHEN r."Status" = 3 AND r."NextAttemptAt" IS NOT NULL AND r."ArchivedAt" IS NULL THEN 1
                             END AS "Lane"
                      FROM "Records" AS r) AS q
                WHERE q."Lane" IS NOT NULL;
                """);

            // The counts are moved by the writers themselves from here on (one delta per statement), not per row.
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS "Records_CountInsert";
                DROP TRIGGER IF EXISTS "Records_CountUpdate";
                DROP TRIGGER IF EXISTS "Records_CountDelete";
                """);
            migrationBuilder.Sql("""
                DELETE FROM "RecordCounts";
                INSERT INTO "RecordCounts" ("IntegrationId", "Status", "Archived", "Count")
                SELECT "IntegrationId", "Status", "ArchivedAt" IS NOT NULL, COUNT(*) FROM "Records" GROUP BY 1, 2, 3;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The per-row (SQLite) or per-statement (PostgreSQL) count triggers of the RecordCounts migration come back.
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

            migrationBuilder.DropTable(
                name: "WorkQueue");

            migrationBuilder.DropIndex(
                name: "IX_SyncLog_RunId_Id",
                table: "SyncLog");

            migrationBuilder.DropIndex(
                name: "IX_Records_ArchivedAt_Id",
                table: "Records");

            migrationBuilder.CreateIndex(
                name: "IX_SyncLog_RunId_Id",
                table: "SyncLog",
                columns: new[] { "RunId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Records_ArchivedAt_Id",
                table: "Records",
                columns: new[] { "ArchivedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Records_ClaimToken",
                table: "Records",
                column: "ClaimToken");

            migrationBuilder.CreateIndex(
                name: "IX_Records_IntegrationId_ParentEntityType_ParentSourceId",
                table: "Records",
                columns: new[] { "IntegrationId", "ParentEntityType", "ParentSourceId" });

            migrationBuilder.CreateIndex(
                name: "IX_Records_RetryOperationId_NextAttemptAt_Id",
                table: "Records",
                columns: new[] { "RetryOperationId", "NextAttemptAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Records_RunId_Status",
                table: "Records",
                columns: new[] { "RunId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Records_Status_ClaimedBy",
                table: "Records",
                columns: new[] { "Status", "ClaimedBy" });

            migrationBuilder.CreateIndex(
                name: "IX_Records_Status_ErrorFingerprint",
                table: "Records",
                columns: new[] { "Status", "ErrorFingerprint" });

            migrationBuilder.CreateIndex(
                name: "IX_Records_Status_NextAttemptAt",
                table: "Records",
                columns: new[] { "Status", "NextAttemptAt" });
        }
    }
}
