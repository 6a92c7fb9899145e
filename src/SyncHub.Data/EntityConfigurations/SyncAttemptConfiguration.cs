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
        builder.HasIndex(a => new { a.RecordId, a.Id });
        builder.HasIndex(a => new { a.Status, a.StartedAt });
    }
}
