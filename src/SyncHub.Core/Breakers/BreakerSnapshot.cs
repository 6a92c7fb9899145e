namespace SyncHub.Core.Breakers;

/// <summary>
/// One breaker as seen now. <see cref="NextProbeAt"/> is when an open breaker lets its next probe through;
/// <see cref="OpenSince"/> is when it first tripped after last being closed (failed probes do not move it).
/// </summary>
public readonly record struct BreakerSnapshot(BreakerState State, DateTimeOffset? NextProbeAt, int ConsecutiveFailures, int Trips, DateTimeOffset? OpenSince = null)
{
    public static BreakerSnapshot Closed => default;
}
