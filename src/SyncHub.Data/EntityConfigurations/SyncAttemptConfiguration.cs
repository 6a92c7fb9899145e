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

        // A run's error log.
        builder.HasIndex(a => new { a.RunId, a.Id });

        // Trends and alert rules read a time window (the last hour, day or month).
        builder.HasIndex(a => a.StartedAt);
    }
}
