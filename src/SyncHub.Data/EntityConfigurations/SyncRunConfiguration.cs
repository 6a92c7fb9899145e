using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SyncHub.Data.Entities;

namespace SyncHub.Data.EntityConfigurations;

internal sealed class SyncRunConfiguration : IEntityTypeConfiguration<SyncRun>
{
    public void Configure(EntityTypeBuilder<SyncRun> builder)
    {
        builder.ToTable("Runs");
        builder.Property(r => r.Note).HasMaxLength(2000);
        builder.Property(r => r.StartedBy).HasMaxLength(256);
        builder.Property(r => r.OwnerNode).HasMaxLength(64);
        builder.Ignore(r => r.Processed);
        builder.HasOne<Integration>().WithMany().HasForeignKey(r => r.IntegrationId).OnDelete(DeleteBehavior.Cascade);

        // The runs list per integration, newest first; the running run of an integration; due run retries.
        builder.HasIndex(r => new { r.IntegrationId, r.Id });
        builder.HasIndex(r => new { r.IntegrationId, r.Status });
        builder.HasIndex(r => r.RetryDueAt);
    }
}
