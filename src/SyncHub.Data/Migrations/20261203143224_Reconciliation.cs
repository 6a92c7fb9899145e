using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SyncHub.Data.Migrations
{
    /// <inheritdoc />
    public partial class Reconciliation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ReconcileRuns",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    IntegrationId = table.Column<int>(type: "INTEGER", nullable: false),
                    RangeFrom = table.Column<long>(type: "INTEGER", nullable: false),
                    RangeTo = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Mode = table.Column<int>(type: "INTEGER", nullable: false),
                    StartedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FinishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Phase = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    OwnerNode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    SourceRecords = table.Column<int>(type: "INTEGER", nullable: false),
                    DestinationRecords = table.Column<int>(type: "INTEGER", nullable: false),
                    Matching = table.Column<int>(type: "INTEGER", nullable: false),
                    Missing = table.Column<int>(type: "INTEGER", nullable: false),
                    Different = table.Column<int>(type: "INTEGER", nullable: false),
                    Extra = table.Column<int>(type: "INTEGER", nullable: false),
                    NotCompared = table.Column<int>(type: "INTEGER", nullable: false),
                    Truncated = table.Column<bool>(type: "INTEGER", nullable: false),
                    ResyncStatus = table.Column<int>(type: "INTEGER", nullable: false),
                    ResyncTotal = table.Column<int>(type: "INTEGER", nullable: false),
                    ResyncQueued = table.Column<int>(type: "INTEGER", nullable: false),
                    ResyncLeft = table.Column<int>(type: "INTEGER", nullable: false),
                    ResyncStartedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ResyncStartedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ResyncFinishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ResyncNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReconcileRuns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReconcileRuns_Integrations_IntegrationId",
                        column: x => x.IntegrationId,
                        principalTable: "Integrations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReconcileDifferences",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RunId = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    EntityType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SourceId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    RecordId = table.Column<long>(type: "INTEGER", nullable: true),
                    RecordStatus = table.Column<int>(type: "INTEGER", nullable: true),
                    PayloadVersion = table.Column<int>(type: "INTEGER", nullable: true),
                    ExternalId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Label = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    FieldsJson = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Resyncable = table.Column<bool>(type: "INTEGER", nullable: false),
                    SourcePayload = table.Column<string>(type: "TEXT", nullable: true),
                    SourceChangedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ParentEntityType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ParentSourceId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Resync = table.Column<int>(type: "INTEGER", nullable: false),
                    ResyncNote = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    ResyncAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReconcileDifferences", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReconcileDifferences_ReconcileRuns_RunId",
                        column: x => x.RunId,
                        principalTable: "ReconcileRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ReconcileDifferences_RunId_Kind_Id",
                table: "ReconcileDifferences",
                columns: new[] { "RunId", "Kind", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ReconcileDifferences_RunId_Resync_Id",
                table: "ReconcileDifferences",
                columns: new[] { "RunId", "Resync", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ReconcileRuns_IntegrationId_Id",
                table: "ReconcileRuns",
                columns: new[] { "IntegrationId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ReconcileRuns_Status_ResyncStatus",
                table: "ReconcileRuns",
                columns: new[] { "Status", "ResyncStatus" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReconcileDifferences");

            migrationBuilder.DropTable(
                name: "ReconcileRuns");
        }
    }
}
