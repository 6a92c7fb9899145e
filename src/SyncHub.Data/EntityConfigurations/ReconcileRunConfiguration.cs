using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SyncHub.Data.Entities;

namespace SyncHub.Data.EntityConfigurations;

internal sealed class ReconcileRunConfiguration : IEntityTypeConfiguration<ReconcileRun>
{
    public void Configure(EntityTypeBuilder<ReconcileRun> builder)
    {
        builder.ToTable("ReconcileRuns");
        builder.Property(r => r.StartedBy).HasMaxLength(256);
        builder.Property(r => r.Phase).HasMaxLength(200);
        builder.Property(r => r.Note).HasMaxLength(2000);
        builder.Property(r => r.OwnerNode).HasMaxLength(64);
        builder.Property(r => r.ResyncStartedBy).HasMaxLength(256);
        builder.Property(r => r.ResyncNote).HasMaxLength(1000);
        builder.HasOne<Integration>().WithMany().HasForeignKey(r => r.IntegrationId).OnDelete(DeleteBehavior.Cascade);

        // The list per integration, newest first; the one running comparison or resync of an integration; recovery.
        builder.HasIndex(r => new { r.IntegrationId, r.Id });
        builder.HasIndex(r => new { r.Status, r.ResyncStatus });
    }
}
