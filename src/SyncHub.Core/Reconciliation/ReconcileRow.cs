using SyncHub.Data.Entities;

namespace SyncHub.Core.Reconciliation;

/// <summary>A reconciliation with the integration it belongs to.</summary>
public sealed record ReconcileRow(ReconcileRun Run, string IntegrationSlug, string IntegrationName)
{
    public TimeSpan? Duration => Run.FinishedAt is { } finished ? finished - Run.StartedAt : null;
}
