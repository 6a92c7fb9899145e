using SyncHub.Data.Entities;

namespace SyncHub.Core.Delivery;

/// <summary>What an attempt's completion may change that an administrator is told about: a new dead letter, expired credentials.</summary>
internal readonly record struct NotableState(bool DeadLetter, bool Expired)
{
    public static NotableState Of(SyncRecord record) =>
        new(record.Status == RecordStatus.DeadLetter || record.DeadLetteredAt is not null, record.Integration!.ConnectionState == ConnectionState.Expired);
}
