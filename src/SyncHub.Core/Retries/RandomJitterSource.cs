namespace SyncHub.Core.Retries;

internal sealed class RandomJitterSource : IJitterSource
{
    public double Next() => Random.Shared.NextDouble();
}
