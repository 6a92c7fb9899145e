using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SyncHub.Data.Entities;

namespace SyncHub.Data.EntityConfigurations;

internal sealed class SyncHubNodeConfiguration : IEntityTypeConfiguration<SyncHubNode>
{
    public void Configure(EntityTypeBuilder<SyncHubNode> builder)
    {
        builder.ToTable("Nodes");
        builder.Property(n => n.Id).HasMaxLength(64);
        builder.Property(n => n.HostName).HasMaxLength(256);
        builder.HasIndex(n => n.HeartbeatAt);
    }
}
