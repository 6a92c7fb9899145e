using SyncHub.Connectors;
using SyncHub.Data.Entities;
using SyncHub.Plugins.Protocol;

namespace SyncHub.Core.Reconciliation;

/// <summary>How an integration can be reconciled: its connector's destination reader and settings, or why it cannot.</summary>
public sealed record ReconcileAccess(Integration Integration, IConnectorGateway? Gateway, ConnectorSettings Settings, DestinationReadMode Mode, string? Problem)
{
    public bool CanReconcile => Problem is null;

    public IDestinationReader Reader => Gateway.Offering<IDestinationReader>(ConnectorCapabilities.DestinationReader) ?? throw new InvalidOperationException(Problem);
}
