using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SyncHub.Data.Migrations
{
    /// <inheritdoc />
    public partial class RunsDeadLettersArchive : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "RunId",
                table: "SyncLog",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "CanaryRecordId",
                table: "RetryOperations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Message",
                table: "RetryOperations",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "StartedBy",
                table: "RetryOperations",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ArchivedAt",
                table: "Records",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ArchivedBy",
                table: "Records",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "DeadLetteredAt",
                table: "Records",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DismissReason",
                table: "Records",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "DismissedAt",
                table: "Records",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DismissedBy",
                table: "Records",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "OutcomeUnknown",
                table: "Records",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "ParentEntityType",
                table: "Records",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ParentSourceId",
                table: "Records",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ReconciledAt",
                table: "Records",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "RunId",
                table: "Records",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "SourceChangedAt",
                table: "Records",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "Checkpoint",
                table: "Integrations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ConnectionNote",
                table: "Integrations",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ConnectionState",
                table: "Integrations",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "CutOffDate",
                table: "Integrations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "DuplicateDetection",
                table: "Integrations",
                type: "INTEGER",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<string>(
                name: "MappingDefaultsJson",
                table: "Integrations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RunBatchSize",
                table: "Integrations",
                type: "INTEGER",
                nullable: false,
                defaultValue: 100);

            migrationBuilder.AddColumn<double>(
                name: "RunBreakerFailureRatio",
                table: "Integrations",
                type: "REAL",
                nullable: false,
                defaultValue: 0.5);

            migrationBuilder.AddColumn<int>(
                name: "RunBreakerMinimumProcessed",
                table: "Integrations",
                type: "INTEGER",
                nullable: false,
                defaultValue: 10);

            migrationBuilder.AddColumn<string>(
                name: "RunRetryDelays",
                table: "Integrations",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "00:05:00,00:30:00,02:00:00");

            migrationBuilder.AddColumn<bool>(
                name: "RunRetryOnFailure",
                table: "Integrations",
                type: "INTEGER",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<string>(
                name: "RunSchedule",
                table: "Integrations",
                type: "TEXT",
                maxLength: 120,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "RunScheduleEnabled",
                table: "Integrations",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "RunTimeoutSeconds",
                table: "Integrations",
                type: "INTEGER",
                nullable: false,
                defaultValue: 3600);

            migrationBuilder.CreateTable(
                name: "AuditLog",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Target = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditLog", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Runs",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    IntegrationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Trigger = table.Column<int>(type: "INTEGER", nullable: false),
                    Mode = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    RangeFrom = table.Column<long>(type: "INTEGER", nullable: true),
                    RangeTo = table.Column<long>(type: "INTEGER", nullable: true),
                    CheckpointFrom = table.Column<long>(type: "INTEGER", nullable: true),
                    Created = table.Column<int>(type: "INTEGER", nullable: false),
                    Updated = table.Column<int>(type: "INTEGER", nullable: false),
                    Skipped = table.Column<int>(type: "INTEGER", nullable: false),
                    Failed = table.Column<int>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    RetryOfRunId = table.Column<long>(type: "INTEGER", nullable: true),
                    RetryNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    RetryDueAt = table.Column<long>(type: "INTEGER", nullable: true),
                    StartedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FinishedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Runs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Runs_Integrations_IntegrationId",
                        column: x => x.IntegrationId,
                        principalTable: "Integrations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SyncLog_RunId_Id",
                table: "SyncLog",
                columns: new[] { "RunId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Records_ArchivedAt_Id",
                table: "Records",
                columns: new[] { "ArchivedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Records_IntegrationId_ParentEntityType_ParentSourceId",
                table: "Records",
                columns: new[] { "IntegrationId", "ParentEntityType", "ParentSourceId" });

            migrationBuilder.CreateIndex(
                name: "IX_Records_RunId_Status",
                table: "Records",
                columns: new[] { "RunId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditLog_At",
                table: "AuditLog",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_Runs_IntegrationId_Id",
                table: "Runs",
                columns: new[] { "IntegrationId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Runs_IntegrationId_Status",
                table: "Runs",
                columns: new[] { "IntegrationId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Runs_RetryDueAt",
                table: "Runs",
                column: "RetryDueAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AuditLog");

            migrationBuilder.DropTable(
                name: "Runs");

            migrationBuilder.DropIndex(
                name: "IX_SyncLog_RunId_Id",
                table: "SyncLog");

            migrationBuilder.DropIndex(
                name: "IX_Records_ArchivedAt_Id",
                table: "Records");

            migrationBuilder.DropIndex(
                name: "IX_Records_IntegrationId_ParentEntityType_ParentSourceId",
                table: "Records");

            migrationBuilder.DropIndex(
                name: "IX_Records_RunId_Status",
                table: "Records");

            migrationBuilder.DropColumn(
                name: "RunId",
                table: "SyncLog");

            migrationBuilder.DropColumn(
                name: "CanaryRecordId",
                table: "RetryOperations");

            migrationBuilder.DropColumn(
                name: "Message",
                table: "RetryOperations");

            migrationBuilder.DropColumn(
                name: "StartedBy",
                table: "RetryOperations");

            migrationBuilder.DropColumn(
                name: "ArchivedAt",
                table: "Records");

            migrationBuilder.DropColumn(
                name: "ArchivedBy",
                table: "Records");

            migrationBuilder.DropColumn(
                name: "DeadLetteredAt",
                table: "Records");

            migrationBuilder.DropColumn(
                name: "DismissReason",
                table: "Records");

            migrationBuilder.DropColumn(
                name: "DismissedAt",
                table: "Records");

            migrationBuilder.DropColumn(
                name: "DismissedBy",
                table: "Records");

            migrationBuilder.DropColumn(
                name: "OutcomeUnknown",
                table: "Records");

            migrationBuilder.DropColumn(
                name: "ParentEntityType",
                table: "Records");

            migrationBuilder.DropColumn(
                name: "ParentSourceId",
                table: "Records");

            migrationBuilder.DropColumn(
                name: "ReconciledAt",
                table: "Records");

            migrationBuilder.DropColumn(
                name: "RunId",
                table: "Records");

            migrationBuilder.DropColumn(
                name: "SourceChangedAt",
                table: "Records");

            migrationBuilder.DropColumn(
                name: "Checkpoint",
                table: "Integrations");

            migrationBuilder.DropColumn(
                name: "ConnectionNote",
                table: "Integrations");

            migrationBuilder.DropColumn(
                name: "ConnectionState",
                table: "Integrations");

            migrationBuilder.DropColumn(
                name: "CutOffDate",
                table: "Integrations");

            migrationBuilder.DropColumn(
                name: "DuplicateDetection",
                table: "Integrations");

            migrationBuilder.DropColumn(
                name: "MappingDefaultsJson",
                table: "Integrations");

            migrationBuilder.DropColumn(
                name: "RunBatchSize",
                table: "Integrations");

            migrationBuilder.DropColumn(
                name: "RunBreakerFailureRatio",
                table: "Integrations");

            migrationBuilder.DropColumn(
                name: "RunBreakerMinimumProcessed",
                table: "Integrations");

            migrationBuilder.DropColumn(
                name: "RunRetryDelays",
                table: "Integrations");

            migrationBuilder.DropColumn(
                name: "RunRetryOnFailure",
                table: "Integrations");

            migrationBuilder.DropColumn(
                name: "RunSchedule",
                table: "Integrations");

            migrationBuilder.DropColumn(
                name: "RunScheduleEnabled",
                table: "Integrations");

            migrationBuilder.DropColumn(
                name: "RunTimeoutSeconds",
                table: "Integrations");
        }
    }
}
