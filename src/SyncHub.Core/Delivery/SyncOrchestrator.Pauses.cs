using SyncHub.Connectors;

namespace SyncHub.Core.Delivery;

public sealed partial class SyncOrchestrator
{
    /// <summary>
    /// A 429 with Retry-After pauses the whole integration for that long, so its other records wait without
    /// attempts instead of each collecting a 429 (Xero's daily limit asks for hours).
    /// </summary>
    private void PauseIfAsked(ClaimedRecord work, DeliveryOutcome outcome)
    {
        if (outcome.ErrorClass == ErrorClass.RateLimited && outcome.RetryAfter is { } wait && wait > TimeSpan.Zero)
        {
            var reason = "The destination asked to slow down (429): " + (Truncate(outcome.Message, 300) ?? "rate limited");
            _pauses.Pause(work.Integration.Id, _time.GetUtcNow() + wait, reason);
        }
    }
}
