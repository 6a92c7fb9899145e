namespace SyncHub.Data.Entities;

/// <summary>Which kind of work a queued record waits for; claims read one lane in due order.</summary>
public enum WorkLane
{
    /// <summary>A pending record (first delivery, a new payload version, an edit, a recovered claim).</summary>
    Delivery = 0,

    /// <summary>A failed record whose next automatic retry is scheduled.</summary>
    AutomaticRetry = 1,

    /// <summary>A failed or dead-letter record a manual retry operation has queued.</summary>
    ManualRetry = 2,

    /// <summary>A record a sync run has staged for itself.</summary>
    Run = 3,

    /// <summary>A record a worker holds right now (in flight); its claim token and node are on the row.</summary>
    Claimed = 9,
}
