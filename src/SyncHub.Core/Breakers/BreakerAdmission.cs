namespace SyncHub.Core.Breakers;

/// <summary>What the breakers allow for one integration right now.</summary>
public enum BreakerAdmission
{
    /// <summary>Both the integration's and its connector's breakers are closed: send.</summary>
    Allowed = 0,

    /// <summary>A breaker is half-open and its probe slot is free: one record may go, as the probe.</summary>
    ProbeOnly = 1,

    /// <summary>A breaker is open, or half-open with its probe already out: records wait.</summary>
    Blocked = 2,
}
