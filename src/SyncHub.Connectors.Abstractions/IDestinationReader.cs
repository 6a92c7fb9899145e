namespace SyncHub.Connectors;

/// <summary>
/// Optional for a gateway (SDK 1.3): reads what the destination holds, so SyncHub can reconcile an integration. A
/// reconciliation compares the records of a date range with the destination's, shows the missing, different and extra
/// ones, and resyncs the missing and different ones through the normal delivery. Plugins built without it keep loading;
/// their integrations simply cannot be reconciled.
/// </summary>
/// <remarks>
/// Reads only: nothing here may create or change anything at the destination. Expected failures are results, not
/// exceptions; SyncHub paces the calls to <see cref="ConnectorInfo.RateLimits"/> and cuts each off after its call timeout.
/// </remarks>
public interface IDestinationReader
{
    /// <summary>How this integration's destination can be read with these settings.</summary>
    DestinationReadMode ReadMode(ConnectorSettings settings);

    /// <summary>
    /// True when delivering a record of this type again replaces the destination's copy (an update, an upsert); false when
    /// it would add a second copy. SyncHub resyncs a different record only when this is true, and otherwise leaves it for
    /// a person to correct at the destination.
    /// </summary>
    bool ResendReplaces(string entityType);

    /// <summary>
    /// What the destination should hold once this record is delivered: its reference and the fields the delivery sets, in
    /// the same shape <see cref="ListAsync"/> and <see cref="FetchAsync"/> report. No I/O. Null when the connector cannot
    /// say (an entity type it does not deliver).
    /// </summary>
    DestinationRecord? Expect(DestinationSubject subject);

    /// <summary>One page of the destination's records of one type, for <see cref="DestinationReadMode.List"/>.</summary>
    Task<DestinationPage> ListAsync(DestinationQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// The destination's copy of one record, for <see cref="DestinationReadMode.Lookup"/>, and for a listing connector the
    /// records a listing too long to read whole did not reach (return <see cref="DestinationFetch.NotSupported"/> if it cannot).
    /// </summary>
    Task<DestinationFetch> FetchAsync(DestinationSubject subject, CancellationToken cancellationToken);
}
