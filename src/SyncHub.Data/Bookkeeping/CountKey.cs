using SyncHub.Data.Entities;

namespace SyncHub.Data.Bookkeeping;

/// <summary>One row of <c>RecordCounts</c>: an integration, a status and whether the records are archived.</summary>
public readonly record struct CountKey(int IntegrationId, RecordStatus Status, bool Archived) : IComparable<CountKey>
{
    public static CountKey Of(SyncRecord record) => new(record.IntegrationId, record.Status, record.ArchivedAt is not null);

    public int CompareTo(CountKey other) =>
        (IntegrationId, (int)Status, Archived).CompareTo((other.IntegrationId, (int)other.Status, other.Archived));
}
