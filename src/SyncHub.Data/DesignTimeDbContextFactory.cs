using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace SyncHub.Data;

/// <summary>Lets <c>dotnet ef</c> build the model for migrations without starting the web host.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<SyncHubDbContext>
{
    public SyncHubDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SyncHubDbContext>().UseSqlite("Data Source=design.db").Options);
}
