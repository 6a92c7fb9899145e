using SyncHub.Core.Retries;

namespace SyncHub.TestUtils;

/// <summary>Pinned jitter: 0.5 gives exactly the nominal backoff.</summary>
public sealed class FixedJitter(double value = 0.5) : IJitterSource
{
    public double Next() => value;
}
