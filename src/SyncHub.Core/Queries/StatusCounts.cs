namespace SyncHub.Core.Queries;

/// <summary>
/// Records per status. <see cref="Failed"/> and <see cref="DeadLetter"/> are the active queues (archived records
/// left them); <see cref="Archived"/> counts the archive, whatever the status. Every status a record can have has
/// a count here, so no record can leave every count of its integration.
/// </summary>
public sealed record StatusCounts(int Pending, int InFlight, int Delivered, int Failed, int DeadLetter, int Archived)
{
    /// <summary>Records waiting for an administrator's duplicate review.</summary>
    public int NeedsReview { get; init; }

    /// <summary>Records deliberately not delivered (a duplicate, a schema mismatch), not archived.</summary>
    public int Skipped { get; init; }

    /// <summary>Records waiting for their parent to be delivered, not archived.</summary>
    public int Blocked { get; init; }

    /// <summary>Records an administrator chose not to deliver, not archived.</summary>
    public int Dismissed { get; init; }
}
