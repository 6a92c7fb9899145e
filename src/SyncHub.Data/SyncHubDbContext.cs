using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using SyncHub.Data.Bookkeeping;
using SyncHub.Data.Entities;

namespace SyncHub.Data;

/// <summary>SyncHub's store: records and their sync log, integrations, users, API keys and Data Protection keys.</summary>
public sealed class SyncHubDbContext(DbContextOptions<SyncHubDbContext> options)
    : IdentityDbContext<SyncHubUser>(options), IDataProtectionKeyContext
{
    public DbSet<Integration> Integrations => Set<Integration>();

    public DbSet<SyncRecord> Records => Set<SyncRecord>();

    public DbSet<SyncAttempt> Attempts => Set<SyncAttempt>();

    /// <summary>Records per integration, status and archive flag, kept in step with every change of a record's state.</summary>
    public DbSet<RecordCount> RecordCounts => Set<RecordCount>();

    /// <summary>The records that have work waiting or in hand, one row each, by lane and due time.</summary>
    public DbSet<QueuedWork> WorkQueue => Set<QueuedWork>();

    public DbSet<RetryOperation> RetryOperations => Set<RetryOperation>();

    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    public DbSet<SyncRun> Runs => Set<SyncRun>();

    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();

    public DbSet<RecordChange> RecordChanges => Set<RecordChange>();

    public DbSet<DuplicateReview> DuplicateReviews => Set<DuplicateReview>();

    public DbSet<Alert> Alerts => Set<Alert>();

    public DbSet<AlertRuleSetting> AlertRules => Set<AlertRuleSetting>();

    public DbSet<NotificationChannel> NotificationChannels => Set<NotificationChannel>();

    public DbSet<Notification> Notifications => Set<Notification>();

    /// <summary>Reconciliations: an integration's records of a date range compared with the destination's.</summary>
    public DbSet<ReconcileRun> ReconcileRuns => Set<ReconcileRun>();

    /// <summary>What each reconciliation found missing, different or extra.</summary>
    public DbSet<ReconcileDifference> ReconcileDifferences => Set<ReconcileDifference>();

    /// <summary>The processes sharing a PostgreSQL store, with their heartbeats (their claim leases).</summary>
    public DbSet<SyncHubNode> Nodes => Set<SyncHubNode>();

    /// <summary>Data Protection keys live with the data they protect, so a restore or a second node can read it.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>
    /// Saves, and in the same transaction moves the record counts and rewrites the queue rows of the records whose
    /// state the save changed, so no tracked write can leave them behind.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var changes = TrackedRecordChanges.Capture(ChangeTracker);
        if (changes.IsEmpty)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        var owned = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            await changes.ApplyAsync(this, cancellationToken);
            if (owned is not null)
            {
                await owned.CommitAsync(cancellationToken);
            }

            return saved;
        }
        finally
        {
            if (owned is not null)
            {
                await owned.DisposeAsync();
            }
        }
    }

    /// <summary>Records are saved asynchronously only, where their bookkeeping runs.</summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        TrackedRecordChanges.Capture(ChangeTracker).IsEmpty
            ? base.SaveChanges(acceptAllChangesOnSuccess)
            : throw new InvalidOperationException("Changes to records are saved with SaveChangesAsync, which keeps the work queue and the counts with them.");

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(SyncHubDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot compare or order DateTimeOffset; stored as UTC ticks they sort and compare in SQL. PostgreSQL
        // stores them the same way, so the hand-written SQL (trend buckets, group MIN/MAX) reads identical values on both.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}
