namespace SyncHub.Data.Entities;

/// <summary>How an integration backs off between automatic retries. Owned by <see cref="Integration"/>.</summary>
public sealed class RetryPolicy
{
    public double BaseDelaySeconds { get; set; } = 30;

    public double Factor { get; set; } = 2;

    public double MaxDelaySeconds { get; set; } = 3600;

    public int MaxAutomaticAttempts { get; set; } = 8;
}
