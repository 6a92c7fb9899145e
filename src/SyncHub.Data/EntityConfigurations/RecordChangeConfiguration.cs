using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SyncHub.Data.Entities;

namespace SyncHub.Data.EntityConfigurations;

internal sealed class RecordChangeConfiguration : IEntityTypeConfiguration<RecordChange>
{
    public void Configure(EntityTypeBuilder<RecordChange> builder)
    {
        builder.ToTable("RecordChanges");
        builder.Property(c => c.Actor).HasMaxLength(256);
        builder.Property(c => c.Detail).HasMaxLength(20_000);
        builder.HasIndex(c => c.RecordId);
    }
}
