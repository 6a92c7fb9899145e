using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SyncHub.Data.Entities;

namespace SyncHub.Data.EntityConfigurations;

internal sealed class SyncAttemptConfiguration : IEntityTypeConfiguration<SyncAttempt>
{
    public void Configure(EntityTypeBuilder<SyncAttempt> builder)
    {
        builder.ToTable("SyncLog");
        builder.Property(a => a.Message).HasMaxLength(2000);
        builder.HasOne<SyncRecord>().WithMany().HasForeignKey(a => a.RecordId).OnDelete(DeleteBehavior.Cascade);
        // A record's history, and resolving its failed entries: always by record, never by status alone
        // (an index on Status would tempt SQLite into scanning every failed entry for one record).
        builder.HasIndex(a => new { a.RecordId, a.Id });

        // The dashboard's last delivery and last error per integration read backwards from the newest entry.
        builder.HasIndex(a => new { a.IntegrationId, a.Id });

        // The last error per integration: only failed entries, so the newest is the first one read even when a
        // million deliveries came after it (the index above would walk back through all of them).
        builder.HasIndex(a => new { a.IntegrationId, a.Id }, "IX_SyncLog_IntegrationId_Id_Errors").HasFilter("\"ErrorClass\" IS NOT NULL");

        // The dashboard's recent errors across integrations, newest first: only failed entries, so the newest 200 are
        // the first read even while a Retry All adds a hundred thousand successes after them.
        builder.HasIndex(a => new { a.StartedAt, a.Id }, "IX_SyncLog_StartedAt_Id_Errors").HasFilter("\"ErrorClass\" IS NOT NULL");

        // A run's error log.
        builder.HasIndex(a => new { a.RunId, a.Id }).HasFilter("\"RunId\" IS NOT NULL");

        // Trends, error budgets and alert rules read a time window (the last hour, day or month); the index carries
        // what they count by, so a day's window is read from the index alone, without a look-up per entry.
        builder.HasIndex(a => new { a.StartedAt, a.IntegrationId, a.Status, a.ErrorClass });
    }
}
