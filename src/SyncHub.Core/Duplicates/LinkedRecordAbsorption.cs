using Microsoft.EntityFrameworkCore;
using SyncHub.Data;
using SyncHub.Data.Bookkeeping;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Duplicates;

/// <summary>
/// Folds SyncHub's older records of the same member into the reviewed one. Runs before the link call and is
/// idempotent: absorbed records are marked merged and never found again, so a retried merge adds nothing twice.
/// </summary>
public sealed class LinkedRecordAbsorption(IDbContextFactory<SyncHubDbContext> dbFactory, WriteGate writes, TimeProvider time)
{
    /// <returns>A summary for the review's outcome, empty when nothing was absorbed.</returns>
    public async Task<string> AbsorbAsync(DuplicateReviewDetails details, string actor, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        using var gate = await writes.EnterAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var record = await db.Records.SingleAsync(r => r.Id == details.Record.Id, cancellationToken);
        var absorbed = await LinkedRecords.Query(db, record, details.Candidates).ToListAsync(cancellationToken);
        if (absorbed.Count == 0)
        {
            return "";
        }

        var now = time.GetUtcNow();
        var parts = new List<string> { $"absorbed {string.Join(", ", absorbed.Select(r => $"record {r.Id} ({r.SourceId})"))}" };
        if (PointBalance.Combine(record.Payload, absorbed.Select(r => r.Payload)) is { } points)
        {
            parts.Add($"point balance {points.Before} + {points.After - points.Before} = {points.After}");
            db.RecordChanges.Add(new RecordChange
            {
                RecordId = record.Id, At = now, Actor = actor, Kind = RecordChangeKind.Merge, FromVersion = record.PayloadVersion,
                ToVersion = record.PayloadVersion + 1, PreviousPayload = record.Payload,
                Detail = $"Combined point balance: {points.Before} + {points.After - points.Before} = {points.After}.",
            });
            record.Payload = points.Payload;
            record.PayloadVersion++;
            record.UpdatedAt = now;
        }

        var movedChildren = 0;
        foreach (var old in absorbed)
        {
            movedChildren += (await RecordWrites.UpdateAsync(
                db,
                db.Records.Where(r => r.IntegrationId == record.IntegrationId && r.ParentEntityType == old.EntityType && r.ParentSourceId == old.SourceId),
                s => s.SetProperty(r => r.ParentSourceId, record.SourceId),
                cancellationToken)).Count;
            db.RecordChanges.Add(Invalidate(old, record, actor, now));
        }

        if (movedChildren > 0)
        {
            parts.Add($"{movedChildren} related record(s) (purchase history) moved to {record.SourceId}");
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return string.Join("; ", parts);
    }

    /// <summary>Marks an absorbed record merged into the survivor (dismissed, out of every queue); returns its history entry.</summary>
    internal static RecordChange Invalidate(SyncRecord old, SyncRecord survivor, string actor, DateTimeOffset now)
    {
        var reason = $"Merged into record {survivor.Id} ({survivor.SourceId}).";
        old.MergedIntoRecordId = survivor.Id;
        old.Status = RecordStatus.Dismissed;
        old.NextAttemptAt = null;
        old.RetryOperationId = null;
        old.DismissedAt = now;
        old.DismissedBy = actor;
        old.DismissReason = reason;
        old.UpdatedAt = now;
        return new RecordChange
        {
            RecordId = old.Id, At = now, Actor = actor, Kind = RecordChangeKind.Merge,
            FromVersion = old.PayloadVersion, ToVersion = old.PayloadVersion, Detail = reason,
        };
    }
}
