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
        builder.Property(i => i.ConnectionNote).HasMaxLength(1000);
        builder.Property(i => i.PausedBy).HasMaxLength(256);
        builder.Property(i => i.PauseReason).HasMaxLength(500);
        builder.Property(i => i.ErrorBudgetPercent).HasDefaultValue(1.0);
        builder.Property(i => i.ErrorBudgetWindowHours).HasDefaultValue(24);
        builder.Property(i => i.AutoFixes).HasMaxLength(200).HasDefaultValue("email,phone,date,amount");
        builder.OwnsOne(i => i.Runs, runs =>
        {
            runs.Property(r => r.Schedule).HasColumnName("RunSchedule").HasMaxLength(120);
            runs.Property(r => r.ScheduleEnabled).HasColumnName("RunScheduleEnabled");
            runs.Property(r => r.RetryOnFailure).HasColumnName("RunRetryOnFailure");
            runs.Property(r => r.RetryDelays).HasColumnName("RunRetryDelays").HasMaxLength(200);
            runs.Property(r => r.TimeoutSeconds).HasColumnName("RunTimeoutSeconds");
            runs.Property(r => r.BatchSize).HasColumnName("RunBatchSize");
            runs.Property(r => r.BreakerMinimumProcessed).HasColumnName("RunBreakerMinimumProcessed");
            runs.Property(r => r.BreakerFailureRatio).HasColumnName("RunBreakerFailureRatio");
        });
        builder.Navigation(i => i.Runs).IsRequired();
    }
}
