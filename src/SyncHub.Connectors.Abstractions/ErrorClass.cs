namespace SyncHub.Connectors;

/// <summary>Why a delivery failed. SyncHub decides how to react (retry automatically or not) from the class.</summary>
public enum ErrorClass
{
    /// <summary>No error: the record was delivered.</summary>
    None = 0,

    /// <summary>A passing fault: 5xx, timeout, connection refused or reset. Retried automatically.</summary>
    Transient = 1,

    /// <summary>The destination asked to slow down (429). Retried automatically, after any Retry-After.</summary>
    RateLimited = 2,

    /// <summary>Credentials were refused (401). Not retried automatically: fix the connection, then retry.</summary>
    Authentication = 3,

    /// <summary>The credentials lack permission (403). Not retried automatically.</summary>
    Authorization = 4,

    /// <summary>The destination rejected the data (400, 422). Not retried automatically: fix the data.</summary>
    Validation = 5,

    /// <summary>The destination reports a conflict such as a duplicate (409). Not retried automatically.</summary>
    Conflict = 6,

    /// <summary>The destination or a referenced resource was not found (404). Not retried automatically.</summary>
    NotFound = 7,

    /// <summary>The integration's mapping could not render the record. Fix the mapping, then retry.</summary>
    Transform = 8,

    /// <summary>The connector itself failed unexpectedly (threw). Not retried automatically.</summary>
    ConnectorFault = 9,
}
