using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SyncHub.Data.Entities;

namespace SyncHub.Data.EntityConfigurations;

internal sealed class QueuedWorkConfiguration : IEntityTypeConfiguration<QueuedWork>
{
    public void Configure(EntityTypeBuilder<QueuedWork> builder)
    {
        builder.ToTable("WorkQueue");
        builder.HasKey(w => w.RecordId);
        builder.Property(w => w.RecordId).ValueGeneratedNever();
        builder.Property(w => w.ClaimedBy).HasMaxLength(64);
        builder.HasOne<SyncRecord>().WithMany().HasForeignKey(w => w.RecordId).OnDelete(DeleteBehavior.Cascade);

        // Claims take the front of one lane in due order; claimed rows (lane 9) are where recovery looks.
        builder.HasIndex(w => new { w.Lane, w.DueAt, w.RecordId });

        // A retry operation's records and a run's staged records, only on the rows that have them.
        builder.HasIndex(w => new { w.OperationId, w.DueAt, w.RecordId }).HasFilter("\"OperationId\" IS NOT NULL");
        builder.HasIndex(w => new { w.RunId, w.RecordId }).HasFilter("\"RunId\" IS NOT NULL");
    }
}
