using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SyncHub.Data.Migrations
{
    /// <inheritdoc />
    public partial class OperationsAlertsBudgets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ErrorFingerprint",
                table: "Records",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "ErrorBudgetPercent",
                table: "Integrations",
                type: "REAL",
                nullable: false,
                defaultValue: 1.0);

            migrationBuilder.AddColumn<int>(
                name: "ErrorBudgetWindowHours",
                table: "Integrations",
                type: "INTEGER",
                nullable: false,
                defaultValue: 24);

            migrationBuilder.AddColumn<bool>(
                name: "PauseOnBudgetExhausted",
                table: "Integrations",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "PauseReason",
                table: "Integrations",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "PausedAt",
                table: "Integrations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PausedBy",
                table: "Integrations",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AlertRules",
                columns: table => new
                {
                    Rule = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    Threshold = table.Column<double>(type: "REAL", nullable: false),
                    WindowMinutes = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AlertRules", x => x.Rule);
                });

            migrationBuilder.CreateTable(
                name: "Alerts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Rule = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    IntegrationId = table.Column<int>(type: "INTEGER", nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    OpenedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ResolvedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Occurrences = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Alerts", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SyncLog_StartedAt",
                table: "SyncLog",
                column: "StartedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Records_Status_ErrorFingerprint",
                table: "Records",
                columns: new[] { "Status", "ErrorFingerprint" });

            migrationBuilder.CreateIndex(
                name: "IX_Alerts_Rule_Subject_Status",
                table: "Alerts",
                columns: new[] { "Rule", "Subject", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Alerts_Status_Id",
                table: "Alerts",
                columns: new[] { "Status", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AlertRules");

            migrationBuilder.DropTable(
                name: "Alerts");

            migrationBuilder.DropIndex(
                name: "IX_SyncLog_StartedAt",
                table: "SyncLog");

            migrationBuilder.DropIndex(
                name: "IX_Records_Status_ErrorFingerprint",
                table: "Records");

            migrationBuilder.DropColumn(
                name: "ErrorFingerprint",
                table: "Records");

            migrationBuilder.DropColumn(
                name: "ErrorBudgetPercent",
                table: "Integrations");

            migrationBuilder.DropColumn(
                name: "ErrorBudgetWindowHours",
                table: "Integrations");

            migrationBuilder.DropColumn(
                name: "PauseOnBudgetExhausted",
                table: "Integrations");

            migrationBuilder.DropColumn(
                name: "PauseReason",
                table: "Integrations");

            migrationBuilder.DropColumn(
                name: "PausedAt",
                table: "Integrations");

            migrationBuilder.DropColumn(
                name: "PausedBy",
                table: "Integrations");
        }
    }
}
