namespace SyncHub.Core.Pacing;

/// <summary>A call's place in its partition's budget; disposing it frees the in-flight slot.</summary>
internal sealed class PaceLease(SemaphoreSlim? inFlight, DateTimeOffset? refusedUntil) : IDisposable
{
    public static PaceLease Unlimited { get; } = new(null, null);

    /// <summary>Set when the call must not go out: the day's budget is spent until then.</summary>
    public DateTimeOffset? RefusedUntil => refusedUntil;

    public void Dispose() => inFlight?.Release();
}
