using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SyncHub.Data.Migrations
{
    /// <inheritdoc />
    public partial class RetryOperationClaimOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Records_RetryOperationId",
                table: "Records");

            migrationBuilder.CreateIndex(
                name: "IX_Records_RetryOperationId_NextAttemptAt_Id",
                table: "Records",
                columns: new[] { "RetryOperationId", "NextAttemptAt", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Records_RetryOperationId_NextAttemptAt_Id",
                table: "Records");

            migrationBuilder.CreateIndex(
                name: "IX_Records_RetryOperationId",
                table: "Records",
                column: "RetryOperationId");
        }
    }
}
