namespace SyncHub.Core.Failures.Groups;

/// <summary>
/// One row of the grouping statement, as SQLite returns it (times as the stored binary form); the newest record of the
/// group is its sample.
/// </summary>
internal sealed class GroupCount
{
    public required string Fingerprint { get; init; }

    public int Count { get; init; }

    public long? FirstSeen { get; init; }

    public long? LastSeen { get; init; }

    public long SampleId { get; init; }
}
