namespace SyncHub.Core.Retries;

/// <summary>How SyncHub reacts to a class of failure on its own.</summary>
public enum RetryTreatment
{
    /// <summary>Stop and wait for an administrator: retrying cannot help.</summary>
    None = 0,

    /// <summary>Retry with exponential backoff and jitter (honouring Retry-After) until the integration's budget is spent.</summary>
    Backoff = 1,

    /// <summary>Retry with backoff, but only a few times, then surface.</summary>
    Bounded = 2,

    /// <summary>Retry after a fixed delay a bounded number of times (eventual consistency at the destination).</summary>
    Delayed = 3,
}
