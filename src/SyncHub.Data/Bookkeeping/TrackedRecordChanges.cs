using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using SyncHub.Data.Entities;

namespace SyncHub.Data.Bookkeeping;

/// <summary>
/// What a tracked save is about to do to records, taken before the save (when the original values are still known) and
/// applied after it: the count moves, and the records whose queue rows must be written again. Only columns that decide
/// a record's lane or count matter; a save that changes a payload or an error text touches neither.
/// </summary>
internal sealed class TrackedRecordChanges
{
    private static readonly string[] LaneColumns =
    [
        nameof(SyncRecord.Status), nameof(SyncRecord.NextAttemptAt), nameof(SyncRecord.RetryOperationId), nameof(SyncRecord.ArchivedAt),
        nameof(SyncRecord.RunId), nameof(SyncRecord.ClaimToken), nameof(SyncRecord.ClaimedBy), nameof(SyncRecord.IntegrationId),
    ];

    private readonly List<(SyncRecord Record, CountKey? Before)> _changed = [];

    private TrackedRecordChanges()
    {
    }

    public bool IsEmpty => _changed.Count == 0;

    public static TrackedRecordChanges Capture(ChangeTracker tracker)
    {
        if (tracker.AutoDetectChangesEnabled)
        {
            tracker.DetectChanges();
        }

        var changes = new TrackedRecordChanges();
        foreach (var entry in tracker.Entries<SyncRecord>())
        {
            switch (entry.State)
            {
                case EntityState.Added:
                    changes._changed.Add((entry.Entity, null));
                    break;
                case EntityState.Deleted:
                case EntityState.Modified when LaneColumns.Any(c => entry.Property(c).IsModified):
                    changes._changed.Add((entry.Entity, Original(entry)));
                    break;
            }
        }

        return changes;
    }

    /// <summary>After the save, in its transaction: counts moved, queue rows rewritten (deleted records' rows went with them).</summary>
    public async Task ApplyAsync(SyncHubDbContext db, CancellationToken cancellationToken)
    {
        var counts = new RecordCountDeltas();
        var refresh = new List<long>(_changed.Count);
        foreach (var (record, before) in _changed)
        {
            var deleted = db.Entry(record).State is EntityState.Detached or EntityState.Deleted;
            if (before is { } old)
            {
                counts.Remove(old);
            }

            if (!deleted)
            {
                counts.Add(CountKey.Of(record));
                refresh.Add(record.Id);
            }
        }

        await counts.ApplyAsync(db, cancellationToken);
        await RecordBookkeeping.RefreshQueueAsync(db, refresh, cancellationToken);
    }

    private static CountKey Original(EntityEntry<SyncRecord> entry) => new(
        entry.OriginalValues.GetValue<int>(nameof(SyncRecord.IntegrationId)),
        entry.OriginalValues.GetValue<RecordStatus>(nameof(SyncRecord.Status)),
        entry.OriginalValues.GetValue<DateTimeOffset?>(nameof(SyncRecord.ArchivedAt)) is not null);
}
