using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SyncHub.Data.Entities;

namespace SyncHub.Data.EntityConfigurations;

internal sealed class NotificationChannelConfiguration : IEntityTypeConfiguration<NotificationChannel>
{
    public void Configure(EntityTypeBuilder<NotificationChannel> builder)
    {
        builder.ToTable("NotificationChannels");
        builder.Property(c => c.Name).HasMaxLength(100);
        builder.Property(c => c.SettingsJson).HasMaxLength(8000);
        builder.Property(c => c.SubjectTemplate).HasMaxLength(2000);
        builder.Property(c => c.BodyTemplate).HasMaxLength(8000);
        builder.Property(c => c.LastError).HasMaxLength(1000);
        builder.HasIndex(c => c.Name).IsUnique();
    }
}
