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

        // Ingest upserts on the natural key.
        builder.HasIndex(r => new { r.IntegrationId, r.EntityType, r.SourceId }).IsUnique();

        // The failed list (all integrations or one), keyset-paged on Id.
        builder.HasIndex(r => new { r.Status, r.Id });
        builder.HasIndex(r => new { r.IntegrationId, r.Status, r.Id });

        // The delivery and automatic-retry jobs pick due work.
        builder.HasIndex(r => new { r.Status, r.NextAttemptAt });
        builder.HasIndex(r => r.ClaimToken);

        // Lease recovery finds the records in flight under a node that stopped beating.
        builder.HasIndex(r => new { r.Status, r.ClaimedBy });

        // A retry operation claims its records batch by batch in the claim's order: the index holds that order, so
        // each batch reads its next rows instead of sorting every record still queued (quadratic over 100,000).
        builder.HasIndex(r => new { r.RetryOperationId, r.NextAttemptAt, r.Id });

        // The Archived tab, a run's records, and the children waiting for a parent.
        builder.HasIndex(r => new { r.ArchivedAt, r.Id });
        builder.HasIndex(r => new { r.RunId, r.Status });
        builder.HasIndex(r => new { r.IntegrationId, r.ParentEntityType, r.ParentSourceId });

        // Failure groups: count and pick the records of one cause without scanning the failed queue.
        builder.HasIndex(r => new { r.Status, r.ErrorFingerprint });
    }
}
