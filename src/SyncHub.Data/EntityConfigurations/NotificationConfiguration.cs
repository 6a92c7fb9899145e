using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SyncHub.Data.Entities;

namespace SyncHub.Data.EntityConfigurations;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.ToTable("Notifications");
        builder.Property(n => n.GroupKey).HasMaxLength(300);
        builder.Property(n => n.Subject).HasMaxLength(300);
        builder.Property(n => n.Integration).HasMaxLength(100);
        builder.Property(n => n.Link).HasMaxLength(500);
        builder.Property(n => n.Body).HasMaxLength(4000);
        builder.Property(n => n.LastError).HasMaxLength(1000);
        builder.HasOne(n => n.Channel).WithMany().HasForeignKey(n => n.ChannelId).OnDelete(DeleteBehavior.Cascade);

        // The throttle looks up a group's newest message per channel; the sender reads due rows.
        builder.HasIndex(n => new { n.ChannelId, n.GroupKey, n.FirstAt });
        builder.HasIndex(n => new { n.Status, n.NextAttemptAt });
        builder.HasIndex(n => new { n.ChannelId, n.Id });
    }
}
