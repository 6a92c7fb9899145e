using System.Diagnostics;
using SyncHub.Connectors;
using SyncHub.Core.Delivery.Claiming;
using SyncHub.Core.Mapping;

namespace SyncHub.Core.Delivery.Completing;

/// <summary>
/// A held record whose attempt is over, waiting to be written with others of its group: answered by the destination
/// (<see cref="Outcome"/>), or handed back unsent because a breaker opened or the integration paused while it waited.
/// </summary>
/// <param name="Activity">The attempt's activity, still running: its result is written and logged under it.</param>
internal sealed record Completion(ClaimedRecord Work, DeliveryOutcome? Outcome, TimeSpan Elapsed, ResendGuard? Guard, MappingResult? Mapping, Activity? Activity)
{
    public bool HandedBack => Outcome is null;

    public static Completion HandBack(ClaimedRecord work, Activity? activity) => new(work, null, TimeSpan.Zero, null, null, activity);
}
