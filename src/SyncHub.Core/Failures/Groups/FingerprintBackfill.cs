using Microsoft.EntityFrameworkCore;
using SyncHub.Data;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Failures.Groups;

/// <summary>
/// Records that failed before fingerprints were written have none. The groups query fills them in a bounded batch
/// at a time, so the first look at the groups after an upgrade does not stall on a large queue.
/// </summary>
public sealed class FingerprintBackfill(IDbContextFactory<SyncHubDbContext> dbFactory, WriteGate writes)
{
    public const int BatchSize = 1000;

    /// <summary>Fingerprints up to <see cref="BatchSize"/> failed or dead-letter records; returns how many.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var missing = Missing(db);
        if (!await missing.AnyAsync(cancellationToken))
        {
            return 0;
        }

        using var gate = await writes.EnterAsync(cancellationToken);
        var records = await Missing(db).OrderBy(r => r.Id).Take(BatchSize).ToListAsync(cancellationToken);
        foreach (var record in records)
        {
            record.ErrorFingerprint = ErrorFingerprint.For(record.IntegrationId, record.LastErrorClass, record.LastErrorMessage);
        }

        await db.SaveChangesAsync(cancellationToken);
        return records.Count;
    }

    private static IQueryable<SyncRecord> Missing(SyncHubDbContext db) => db.Records.Where(r =>
        (r.Status == RecordStatus.Failed || r.Status == RecordStatus.DeadLetter) && r.ErrorFingerprint == null && r.LastErrorClass != null);
}
