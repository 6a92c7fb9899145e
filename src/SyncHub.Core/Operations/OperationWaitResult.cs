namespace SyncHub.Core.Operations;

/// <summary>Why a retry operation's claim came back empty, and what it did about it.</summary>
public enum OperationWaitResult
{
    /// <summary>None of its records is left to retry.</summary>
    Finished = 0,

    /// <summary>Records are left and no breaker holds them: claim again.</summary>
    ClaimAgain = 1,

    /// <summary>Waited (without spinning) until a breaker let a probe through or changed state.</summary>
    Waited = 2,

    /// <summary>Records wait behind an open breaker and the caller asked not to wait.</summary>
    Blocked = 3,
}
