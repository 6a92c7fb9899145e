namespace SyncHub.Core.Alerts;

public enum AcknowledgeOutcome
{
    /// <summary>Acknowledged now, with an audit entry.</summary>
    Acknowledged,

    /// <summary>Someone had already acknowledged it; nothing changed.</summary>
    AlreadyAcknowledged,

    NotFound,

    /// <summary>The alert resolved itself; there is nothing left to be on.</summary>
    Resolved,

    /// <summary>The note is too long.</summary>
    Invalid,
}
