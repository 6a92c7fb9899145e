namespace SyncHub.Core.Integrations;

public enum RemoveIntegrationOutcome
{
    /// <summary>The integration, its records, their history, runs and reviews are gone; one audit entry says so.</summary>
    Removed,

    NotFound,

    /// <summary>Only a paused integration is removed, so nothing is claimed for it while it goes.</summary>
    NotPaused,

    /// <summary>A record is in flight, a run is running or a retry operation holds records; try again when they end.</summary>
    Busy,
}
