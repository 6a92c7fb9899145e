using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace SyncHub.Data.Postgres;

/// <summary>
/// Lets <c>dotnet ef</c> build the PostgreSQL model for migrations; adding a migration needs no server, the
/// connection string is never opened.
/// </summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<SyncHubDbContext>
{
    public SyncHubDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<SyncHubDbContext>();
        options.UsePostgresStore("Host=localhost;Database=synchub_design");
        return new SyncHubDbContext(options.Options);
    }
}
