using System.ComponentModel.DataAnnotations;

namespace SyncHub.Core.Telemetry;

/// <summary><c>SyncHub:Metrics</c>: the Prometheus endpoint and how fresh its database-backed gauges are.</summary>
public sealed class MetricsOptions
{
    public const string Section = "SyncHub:Metrics";

    /// <summary>Serve <c>/metrics</c> at all.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Demand a full-scope API key (<c>X-Api-Key</c>) on <c>/metrics</c>; false leaves it open to anyone who can reach it.</summary>
    public bool RequireApiKey { get; set; } = true;

    /// <summary>Queue depths, lag and operation progress are re-read from the database at most this often.</summary>
    [Range(1, 3600, ErrorMessage = "SyncHub:Metrics:GaugeRefreshSeconds must be between 1 and 3600.")]
    public int GaugeRefreshSeconds { get; set; } = 15;
}
