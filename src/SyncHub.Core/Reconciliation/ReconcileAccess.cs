using SyncHub.Connectors;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Reconciliation;

/// <summary>How an integration can be reconciled: its connector's destination reader and settings, or why it cannot.</summary>
public sealed record ReconcileAccess(Integration Integration, IConnectorGateway? Gateway, ConnectorSettings Settings, DestinationReadMode Mode, string? Problem)
{
    public bool CanReconcile => Problem is null;

    public IDestinationReader Reader => Gateway as IDestinationReader ?? throw new InvalidOperationException(Problem);
}
