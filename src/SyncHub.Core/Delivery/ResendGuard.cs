namespace SyncHub.Core.Delivery;

/// <summary>
/// One attempt's memory of whether an earlier send may have landed without SyncHub learning the answer.
/// While it may have, a gateway that can look records up is asked first, on the first try of the attempt and
/// on every in-call retry, so neither a scheduled retry nor a quick in-call one sends a second copy.
/// </summary>
internal sealed class ResendGuard(bool outcomeUnknown)
{
    /// <summary>A send may have reached the destination without an answer.</summary>
    public bool OutcomeUnknown { get; set; } = outcomeUnknown;

    public LookupStep Step { get; set; }
}
