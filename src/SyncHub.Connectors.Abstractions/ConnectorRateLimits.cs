namespace SyncHub.Connectors;

/// <summary>
/// Limits the destination enforces. SyncHub paces calls to stay inside them instead of discovering them by 429.
/// </summary>
public sealed record ConnectorRateLimits
{
    /// <summary>Calls in flight at once.</summary>
    public int? MaxConcurrent { get; init; }

    /// <summary>Calls per minute.</summary>
    public int? PerMinute { get; init; }

    /// <summary>Calls per day (UTC).</summary>
    public int? PerDay { get; init; }

    /// <summary>
    /// The setting the limits apply per, for example <c>tenantId</c>: integrations with the same value share one
    /// budget. Without it each integration has its own.
    /// </summary>
    public string? PartitionSetting { get; init; }
}
