namespace SyncHub.Connectors;

/// <summary>
/// A record as the destination holds it, or as a delivery would leave it there (<see cref="IDestinationReader.Expect"/>),
/// reduced to what reconciliation compares: the reference it is matched on and the fields a delivery sets.
/// </summary>
/// <param name="EntityType">The kind of record, in SyncHub's words (<c>invoice</c>, <c>customer</c>).</param>
/// <param name="Reference">
/// What delivery stamps into the destination's copy and both sides are matched on, for example Xero's <c>Reference</c>
/// or Square's <c>reference_id</c>. Compared exactly (ordinal). Untrusted text.
/// </param>
public sealed record DestinationRecord(string EntityType, string Reference)
{
    /// <summary>The record's id at the destination, when known. Untrusted text.</summary>
    public string? ExternalId { get; init; }

    /// <summary>A short description to show beside it, for example an invoice's number and contact. Untrusted text.</summary>
    public string? Label { get; init; }

    /// <summary>
    /// The compared fields, by a name the administrator recognises (<c>LineItems[0].UnitAmount</c>), with values as text;
    /// a null value means the field is absent. Only the fields the expected record names are compared, after trimming,
    /// and two numbers are equal when their values are (<c>1</c> and <c>1.00</c>), so normalise anything else (dates,
    /// letter case) the same way on both sides. Null on a destination record means the destination only confirmed that it
    /// holds the record, so it counts as matching. Untrusted text.
    /// </summary>
    public IReadOnlyDictionary<string, string?>? Fields { get; init; }
}
