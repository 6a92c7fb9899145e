namespace SyncHub.Connectors;

/// <summary>
/// The optional parts a connector offers besides delivery (SDK 1.4). Each flag stands for one optional interface the
/// gateway implements; declare them on <see cref="ConnectorInfo.Capabilities"/>.
/// </summary>
[Flags]
public enum ConnectorCapabilities
{
    /// <summary>Delivery only.</summary>
    None = 0,

    /// <summary>Finds a record at the destination after an unknown outcome: <see cref="IRecordLookup"/>.</summary>
    Lookup = 1 << 0,

    /// <summary>Checks a connection's settings before they are saved: <see cref="IConnectionTest"/>.</summary>
    TestConnection = 1 << 1,

    /// <summary>Reads changed records for sync runs: <see cref="IConnectorSource"/>.</summary>
    Source = 1 << 2,

    /// <summary>Refreshes expired credentials: <see cref="ICredentialRefresh"/>.</summary>
    CredentialRefresh = 1 << 3,

    /// <summary>Links a record to an existing destination record: <see cref="IDuplicateResolver"/>.</summary>
    DuplicateResolver = 1 << 4,

    /// <summary>Moves the values a merge combines: <see cref="IMergeTransfer"/>.</summary>
    MergeTransfer = 1 << 5,

    /// <summary>Reads what the destination holds, so integrations can be reconciled: <see cref="IDestinationReader"/>.</summary>
    DestinationReader = 1 << 6,
}
