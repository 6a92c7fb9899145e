using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SyncHub.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class RecordFailedRuns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "FailedRuns",
                table: "Records",
                type: "integer",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "FailedRuns",
                table: "Records");
        }
    }
}
