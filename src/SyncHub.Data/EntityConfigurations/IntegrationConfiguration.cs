using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SyncHub.Data.Entities;

namespace SyncHub.Data.EntityConfigurations;

internal sealed class IntegrationConfiguration : IEntityTypeConfiguration<Integration>
{
    public void Configure(EntityTypeBuilder<Integration> builder)
    {
        builder.ToTable("Integrations");
        builder.HasIndex(i => i.Slug).IsUnique();
        builder.Property(i => i.Slug).HasMaxLength(64);
        builder.Property(i => i.Name).HasMaxLength(200);
        builder.Property(i => i.Connector).HasMaxLength(64);
        builder.OwnsOne(i => i.Retry, retry =>
        {
            retry.Property(r => r.BaseDelaySeconds).HasColumnName("RetryBaseDelaySeconds");
            retry.Property(r => r.Factor).HasColumnName("RetryFactor");
            retry.Property(r => r.MaxDelaySeconds).HasColumnName("RetryMaxDelaySeconds");
            retry.Property(r => r.MaxAutomaticAttempts).HasColumnName("RetryMaxAutomaticAttempts");
        });
        builder.Navigation(i => i.Retry).IsRequired();
    }
}
