using SyncHub.Core.Validation;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Reconciliation;

/// <summary>
/// The reconciliation (or resync) started, or why not: <paramref name="Errors"/> for bad input, <paramref name="Conflict"/>
/// when something already runs or the state does not allow it, <paramref name="NotFound"/> for an unknown reconciliation.
/// </summary>
public sealed record ReconcileStartResult(ReconcileRun? Run, FieldErrors? Errors = null, string? Conflict = null, bool NotFound = false)
{
    public bool Started => Run is not null && Errors is null && Conflict is null;
}
