using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SyncHub.Data.Entities;

namespace SyncHub.Data.EntityConfigurations;

internal sealed class SyncRecordConfiguration : IEntityTypeConfiguration<SyncRecord>
{
    public void Configure(EntityTypeBuilder<SyncRecord> builder)
    {
        builder.ToTable("Records");
        builder.Property(r => r.EntityType).HasMaxLength(100);
        builder.Property(r => r.SourceId).HasMaxLength(200);
        builder.Property(r => r.IdempotencyBase).HasMaxLength(64);
        builder.Property(r => r.LastErrorMessage).HasMaxLength(2000);
        builder.Property(r => r.ExternalId).HasMaxLength(200);
        builder.Property(r => r.DismissedBy).HasMaxLength(256);
        builder.Property(r => r.DismissReason).HasMaxLength(500);
        builder.Property(r => r.ArchivedBy).HasMaxLength(256);
        builder.Property(r => r.ParentEntityType).HasMaxLength(100);
        builder.Property(r => r.ParentSourceId).HasMaxLength(200);
        builder.Property(r => r.FieldProblemsJson).HasMaxLength(4000);
        builder.Property(r => r.ResolutionNote).HasMaxLength(1000);
        builder.Property(r => r.ErrorFingerprint).HasMaxLength(64);
        builder.Property(r => r.ClaimedBy).HasMaxLength(64);
        builder.Ignore(r => r.IdempotencyKey);
        builder.HasOne(r => r.Integration).WithMany().HasForeignKey(r => r.IntegrationId).OnDelete(DeleteBehavior.Cascade);

        // Four indexes, two of them holding Status, so a change of state rewrites few index entries. What is due (and
        // what is in flight) lives in the work queue (QueuedWork), not here.

        // Ingest upserts on the natural key; a record's parent is found by it too.
        builder.HasIndex(r => new { r.IntegrationId, r.EntityType, r.SourceId }).IsUnique();

        // The failed list and dead letters (all integrations or one), keyset-paged on Id; failure groups and a
        // record's children are read from the same ranges.
        builder.HasIndex(r => new { r.Status, r.Id });
        builder.HasIndex(r => new { r.IntegrationId, r.Status, r.Id });

        // The Archived tab: only archived records are in it.
        builder.HasIndex(r => new { r.ArchivedAt, r.Id }).HasFilter("\"ArchivedAt\" IS NOT NULL");
    }
}
