using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SyncHub.Data.Migrations
{
    /// <inheritdoc />
    public partial class SyncLogIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SyncLog_Status_StartedAt",
                table: "SyncLog");

            migrationBuilder.CreateIndex(
                name: "IX_SyncLog_IntegrationId_Id",
                table: "SyncLog",
                columns: new[] { "IntegrationId", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SyncLog_IntegrationId_Id",
                table: "SyncLog");

            migrationBuilder.CreateIndex(
                name: "IX_SyncLog_Status_StartedAt",
                table: "SyncLog",
                columns: new[] { "Status", "StartedAt" });
        }
    }
}
