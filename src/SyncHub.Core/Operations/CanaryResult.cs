using SyncHub.Core.Delivery;

namespace SyncHub.Core.Operations;

/// <summary>
/// What trying the canary did: not tried (none, already tried, or held by a breaker), tried and the rest may follow,
/// or tried and failed the same way as before (<see cref="Failure"/> set).
/// </summary>
internal readonly record struct CanaryResult(bool Tried, BatchResult Batch, CanaryFailure? Failure)
{
    public static CanaryResult NotTried => default;
}

