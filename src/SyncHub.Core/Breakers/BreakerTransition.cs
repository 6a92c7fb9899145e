namespace SyncHub.Core.Breakers;

/// <summary>What a reported result did to a breaker.</summary>
internal enum BreakerTransition
{
    None = 0,
    Opened = 1,
    Closed = 2,
    ProbeReleased = 3,
}
