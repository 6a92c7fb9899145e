using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SyncHub.Data.Entities;

namespace SyncHub.Data.EntityConfigurations;

internal sealed class DuplicateReviewConfiguration : IEntityTypeConfiguration<DuplicateReview>
{
    public void Configure(EntityTypeBuilder<DuplicateReview> builder)
    {
        builder.ToTable("DuplicateReviews");
        builder.Property(r => r.Reason).HasMaxLength(2000);
        builder.Property(r => r.DecidedBy).HasMaxLength(256);
        builder.Property(r => r.SurvivorExternalId).HasMaxLength(200);
        builder.Property(r => r.Outcome).HasMaxLength(2000);
        builder.HasIndex(r => new { r.Status, r.CreatedAt });
        builder.HasIndex(r => r.RecordId);
    }
}
