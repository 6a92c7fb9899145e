namespace SyncHub.Core.Failures;

/// <summary>An operator's new payload for a record, to save as a new version and retry.</summary>
/// <param name="RecordId">The record.</param>
/// <param name="Payload">The new payload: JSON text of an object.</param>
/// <param name="Actor">Who edited it (a user's email or an API key's name), for the history and the audit log.</param>
public sealed record EditAndRetryRequest(long RecordId, string? Payload, string Actor)
{
    /// <summary>When set, the record must belong to this integration (the API's slug), or it is not found.</summary>
    public int? IntegrationId { get; init; }

    /// <summary>When set, the payload version the operator edited; a newer one from the source meanwhile is a conflict.</summary>
    public int? ExpectedVersion { get; init; }
}
