using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using SyncHub.Data.Entities;

namespace SyncHub.Data;

public sealed class SyncHubDbContext(DbContextOptions<SyncHubDbContext> options) : DbContext(options)
{
    public DbSet<Integration> Integrations => Set<Integration>();

    public DbSet<SyncRecord> Records => Set<SyncRecord>();

    public DbSet<SyncAttempt> Attempts => Set<SyncAttempt>();

    public DbSet<RetryOperation> RetryOperations => Set<RetryOperation>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(SyncHubDbContext).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot compare or order DateTimeOffset; stored as UTC ticks they sort and compare in SQL.
        if (Database.IsSqlite())
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }
    }
}
