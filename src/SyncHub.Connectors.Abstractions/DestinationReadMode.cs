namespace SyncHub.Connectors;

/// <summary>How a connector reads what the destination holds, for reconciliation.</summary>
public enum DestinationReadMode
{
    /// <summary>This integration's destination cannot be read (for example a webhook without a look-up URL).</summary>
    None = 0,

    /// <summary>
    /// Pages through the destination's records changed since a time (<see cref="IDestinationReader.ListAsync"/>): SyncHub
    /// finds missing, different and extra records.
    /// </summary>
    List = 1,

    /// <summary>
    /// Looks each record up on its own (<see cref="IDestinationReader.FetchAsync"/>): SyncHub finds missing and different
    /// records, but cannot see extra ones.
    /// </summary>
    Lookup = 2,
}
