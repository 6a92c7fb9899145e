using SyncHub.Core.Breakers;

namespace SyncHub.Core.Delivery.Claiming;

/// <summary>Which integrations a claim leaves alone (paused, or behind an open or half-open breaker) and which may send one probe.</summary>
internal sealed record ClaimAdmission(IReadOnlyCollection<int> Excluded, IReadOnlyList<BreakerTarget> Probes)
{
    public static ClaimAdmission Open { get; } = new([], []);
}
