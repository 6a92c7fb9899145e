using System.ComponentModel.DataAnnotations;

namespace SyncHub.Core.Dashboard;

/// <summary><c>SyncHub:Dashboard</c>: how fresh the dashboard's costlier boxes are.</summary>
public sealed class DashboardOptions
{
    public const string Section = "SyncHub:Dashboard";

    /// <summary>
    /// Money at risk reads up to <see cref="MoneyAtRiskQuery.MaxRecords"/> payloads; it is recomputed at most this
    /// often however many dashboards poll it. 0 recomputes on every request.
    /// </summary>
    [Range(0, 3600, ErrorMessage = "SyncHub:Dashboard:MoneyRefreshSeconds must be between 0 and 3600.")]
    public int MoneyRefreshSeconds { get; set; } = 10;

    /// <summary>
    /// The error trend and each integration's error-budget burn, as the dashboard and the status API show them, are
    /// recomputed at most this often (each reads a whole day of the sync log). Alert rules and automatic pauses always
    /// count afresh. 0 recomputes on every request.
    /// </summary>
    [Range(0, 3600, ErrorMessage = "SyncHub:Dashboard:SummaryRefreshSeconds must be between 0 and 3600.")]
    public int SummaryRefreshSeconds { get; set; } = 5;
}
