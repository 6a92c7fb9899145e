namespace SyncHub.Core.Queries;

/// <summary>
/// Records per status. <see cref="Failed"/> and <see cref="DeadLetter"/> are the active queues (archived records
/// left them); <see cref="Archived"/> counts the archive, whatever the status.
/// </summary>
public sealed record StatusCounts(int Pending, int InFlight, int Delivered, int Failed, int DeadLetter, int Archived)
{
    /// <summary>Records waiting for an administrator's duplicate review.</summary>
    public int NeedsReview { get; init; }
}
