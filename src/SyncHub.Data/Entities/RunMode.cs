namespace SyncHub.Data.Entities;

/// <summary>Which source records a run reads.</summary>
public enum RunMode
{
    /// <summary>Records changed since the last successful checkpoint.</summary>
    Incremental = 0,

    DateRange = 1,

    /// <summary>Everything in scope (after the cut-off date); the heaviest.</summary>
    Full = 2,
}
