using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SyncHub.Data.Entities;

namespace SyncHub.Data.EntityConfigurations;

internal sealed class ReconcileDifferenceConfiguration : IEntityTypeConfiguration<ReconcileDifference>
{
    public void Configure(EntityTypeBuilder<ReconcileDifference> builder)
    {
        builder.ToTable("ReconcileDifferences");
        builder.Property(d => d.EntityType).HasMaxLength(100);
        builder.Property(d => d.SourceId).HasMaxLength(200);
        builder.Property(d => d.Reference).HasMaxLength(300);
        builder.Property(d => d.ExternalId).HasMaxLength(200);
        builder.Property(d => d.Label).HasMaxLength(300);
        builder.Property(d => d.FieldsJson).HasMaxLength(8000);
        builder.Property(d => d.Note).HasMaxLength(500);
        builder.Property(d => d.ParentEntityType).HasMaxLength(100);
        builder.Property(d => d.ParentSourceId).HasMaxLength(200);
        builder.Property(d => d.ResyncNote).HasMaxLength(300);
        builder.HasOne<ReconcileRun>().WithMany().HasForeignKey(d => d.RunId).OnDelete(DeleteBehavior.Cascade);

        // A run's page of one kind, keyset-paged on Id; the resync takes its records in Id order, chunk by chunk.
        builder.HasIndex(d => new { d.RunId, d.Kind, d.Id });
        builder.HasIndex(d => new { d.RunId, d.Resync, d.Id });
    }
}
