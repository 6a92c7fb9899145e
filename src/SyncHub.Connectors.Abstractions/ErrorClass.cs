namespace SyncHub.Connectors;

/// <summary>Why a delivery failed. SyncHub decides how to react (retry automatically or not) from the class.</summary>
public enum ErrorClass
{
    /// <summary>No error: the record was delivered.</summary>
    None = 0,

    /// <summary>A passing fault: 502/503/504, timeout, connection refused or reset. Retried automatically.</summary>
    Transient = 1,

    /// <summary>The destination asked to slow down (429). Retried automatically, after any Retry-After.</summary>
    RateLimited = 2,

    /// <summary>Credentials were refused (401). Not retried automatically: fix the connection, then retry.</summary>
    Authentication = 3,

    /// <summary>The credentials lack permission (403). Not retried automatically.</summary>
    Authorization = 4,

    /// <summary>The destination rejected the data (400, 422). Not retried automatically: fix the data.</summary>
    Validation = 5,

    /// <summary>The resource changed concurrently (409). SyncHub looks up the current state, then retries a bounded number of times.</summary>
    Conflict = 6,

    /// <summary>The destination resource was not found (404). Retried after a delay a bounded number of times (eventual consistency).</summary>
    NotFound = 7,

    /// <summary>The integration's mapping could not render the record. Fix the mapping, then retry.</summary>
    Transform = 8,

    /// <summary>The connector itself failed unexpectedly (threw). Not retried automatically.</summary>
    ConnectorFault = 9,

    /// <summary>The destination failed internally (500, 501, 505+). Retried a few times, then surfaced.</summary>
    ServerError = 10,

    /// <summary>The record already exists at the destination. Skipped when the integration's duplicate detection is on.</summary>
    Duplicate = 11,

    /// <summary>The record refers to another one (a customer, an account) the destination does not have.</summary>
    ReferenceNotFound = 12,

    /// <summary>The destination or source answered with an unexpected structure. The record is skipped and logged.</summary>
    SchemaMismatch = 13,
}
