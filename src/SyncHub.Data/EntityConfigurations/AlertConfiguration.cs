using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SyncHub.Data.Entities;

namespace SyncHub.Data.EntityConfigurations;

internal sealed class AlertConfiguration : IEntityTypeConfiguration<Alert>
{
    public void Configure(EntityTypeBuilder<Alert> builder)
    {
        builder.ToTable("Alerts");
        builder.Property(a => a.Rule).HasMaxLength(64);
        builder.Property(a => a.Subject).HasMaxLength(200);
        builder.Property(a => a.Title).HasMaxLength(300);
        builder.Property(a => a.Detail).HasMaxLength(2000);
        builder.Property(a => a.AcknowledgedBy).HasMaxLength(256);
        builder.Property(a => a.AcknowledgeNote).HasMaxLength(500);
        builder.HasIndex(a => new { a.Status, a.Id });
        builder.HasIndex(a => new { a.Rule, a.Subject, a.Status });
    }
}
