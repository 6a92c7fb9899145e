using System.Security.Cryptography;
using SyncHub.Connectors;
using SyncHub.Core.Integrations;
using SyncHub.Core.Plugins;
using SyncHub.Core.Plugins.Isolation;
using SyncHub.Data.Entities;
using SyncHub.Plugins.Protocol;

namespace SyncHub.Core.Reconciliation;

/// <summary>Which integrations can be reconciled: their connector reads its destination with these settings.</summary>
public sealed class ReconcileSupport(IConnectorCatalog catalog, SettingsProtector settings)
{
    public ReconcileAccess Check(Integration integration)
    {
        ArgumentNullException.ThrowIfNull(integration);
        var gateway = catalog.Find(integration.Connector);
        string? problem = gateway switch
        {
            null => $"The '{integration.Connector}' connector is not loaded.",
            IsolatedGateway => $"The '{integration.Connector}' connector runs in a process of its own, which offers delivery, look-ups and connection tests but not reconciliation.",
            { } loaded when !loaded.Has(ConnectorCapabilities.DestinationReader) => $"The '{integration.Connector}' connector cannot read its destination, so this integration cannot be reconciled.",
            _ => null,
        };
        if (problem is not null)
        {
            return new ReconcileAccess(integration, gateway, ConnectorSettings.Empty, DestinationReadMode.None, problem);
        }

        ConnectorSettings read;
        try
        {
            read = settings.Read(integration.SettingsJson);
        }
        catch (CryptographicException)
        {
            return new ReconcileAccess(integration, gateway, ConnectorSettings.Empty, DestinationReadMode.None,
                "The integration's settings cannot be decrypted: the Data Protection keys they were saved with are missing. Save the settings again.");
        }

        DestinationReadMode mode;
        try
        {
            mode = gateway.Offering<IDestinationReader>(ConnectorCapabilities.DestinationReader)!.ReadMode(read);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A plugin bug must not take the page down; it only makes the integration one that cannot be reconciled now.
            return new ReconcileAccess(integration, gateway, read, DestinationReadMode.None,
                $"The '{integration.Connector}' connector failed to say how it reads its destination: {ex.GetType().Name}.");
        }

        return mode == DestinationReadMode.None
            ? new ReconcileAccess(integration, gateway, read, mode,
                $"With these settings the '{integration.Connector}' connector cannot read the destination (a webhook needs a look-up URL).")
            : new ReconcileAccess(integration, gateway, read, mode, null);
    }
}
