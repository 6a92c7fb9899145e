namespace SyncHub.Core.Breakers;

/// <summary>One breaker as seen now. <see cref="NextProbeAt"/> is when an open breaker lets its next probe through.</summary>
public readonly record struct BreakerSnapshot(BreakerState State, DateTimeOffset? NextProbeAt, int ConsecutiveFailures, int Trips)
{
    public static BreakerSnapshot Closed => default;
}
