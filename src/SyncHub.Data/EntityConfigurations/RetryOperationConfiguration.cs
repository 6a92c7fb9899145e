using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SyncHub.Data.Entities;

namespace SyncHub.Data.EntityConfigurations;

internal sealed class RetryOperationConfiguration : IEntityTypeConfiguration<RetryOperation>
{
    public void Configure(EntityTypeBuilder<RetryOperation> builder)
    {
        builder.ToTable("RetryOperations");
        builder.HasIndex(o => o.Status);
        builder.Property(o => o.Message).HasMaxLength(1000);
        builder.Property(o => o.StartedBy).HasMaxLength(256);
        builder.Property(o => o.OwnerNode).HasMaxLength(64);
    }
}
