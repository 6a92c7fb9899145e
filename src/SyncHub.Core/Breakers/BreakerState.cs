namespace SyncHub.Core.Breakers;

/// <summary>Where a connection circuit breaker stands.</summary>
public enum BreakerState
{
    /// <summary>Records flow.</summary>
    Closed = 0,

    /// <summary>The destination looks down: records wait, nothing is sent until the open time ends.</summary>
    Open = 1,

    /// <summary>The open time ended: one probe record is let through; its result closes or re-opens the breaker.</summary>
    HalfOpen = 2,
}
