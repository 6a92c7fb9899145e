using Microsoft.EntityFrameworkCore;
using SyncHub.Connectors;
using SyncHub.Core.Records;
using SyncHub.Data;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Runs;

/// <summary>
/// Takes a batch of source records in, de-duplicated on (entity type, source id): new and changed records are
/// staged for delivery; unchanged ones the destination already has, dead letters, dismissed and archived
/// records are skipped, so a resync never posts a record twice.
/// </summary>
public sealed class RunStager(IDbContextFactory<SyncHubDbContext> dbFactory, WriteGate writes, TimeProvider time)
{
    internal async Task<List<StagedRecord>> StageAsync(RunContext context, SourceRecord[] chunk, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        using var gate = await writes.EnterAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = time.GetUtcNow();
        var integrationId = context.Integration.Id;
        var entityTypes = chunk.Select(r => r.EntityType).Distinct().ToList();
        var sourceIds = chunk.Select(r => r.SourceId).Distinct().ToList();
        var existing = (await db.Records.Named([integrationId], entityTypes, sourceIds).ToListAsync(cancellationToken))
            .ToDictionary(r => (r.EntityType, r.SourceId));
        var staged = new List<(SyncRecord Record, bool IsUpdate)>();
        var skipped = 0;
        var mismatches = new List<SyncRecord>();
        foreach (var source in chunk.DistinctBy(r => (r.EntityType, r.SourceId)))
        {
            if (SourceRecordShape.Check(source) is { } problem)
            {
                mismatches.Add(SchemaMismatches.Skip(db, context, source, problem, existing.GetValueOrDefault((source.EntityType, source.SourceId)), now));
                skipped++;
                continue;
            }

            if (!existing.TryGetValue((source.EntityType, source.SourceId), out var record))
            {
                record = NewRecord(context, source, now);
                db.Records.Add(record);
                staged.Add((record, false));
                continue;
            }

            if (Take(context, record, source, now) is { } isUpdate)
            {
                staged.Add((record, isUpdate));
            }
            else
            {
                skipped++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        db.Attempts.AddRange(mismatches.Select(r => SchemaMismatches.Entry(context, r, now)));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        context.Run.Skipped += skipped;
        return [.. staged.Select(s => new StagedRecord(s.Record.Id, s.IsUpdate))];
    }

    /// <returns>Whether the staged record updates an earlier delivery; null when it is skipped.</returns>
    internal static bool? Take(RunContext context, SyncRecord record, SourceRecord source, DateTimeOffset now)
    {
        var changed = record.Payload != source.Payload;
        if (!changed && (record.Status is not (RecordStatus.Pending or RecordStatus.Failed) || record.ArchivedAt is not null || record.RetryOperationId is not null))
        {
            // Already delivered, skipped, in review, queued by a retry operation or dead-lettered with this very data: never
            // post it twice, and a dead letter stays out of runs. A failed record is tried again by each run that reads it,
            // so its failed runs are counted (OutcomePlanner.RunFailureLimit).
            return null;
        }

        if (changed)
        {
            record.Payload = source.Payload;
            record.PayloadVersion++;
            record.ArchivedAt = null;
            record.ArchivedBy = null;
        }

        record.SourceChangedAt = source.ChangedAt;
        record.ParentEntityType = source.ParentEntityType;
        record.ParentSourceId = source.ParentSourceId;
        record.UpdatedAt = now;
        if (record.Status == RecordStatus.InFlight)
        {
            // Another worker is sending the older version; when it finishes, the engine queues this one.
            context.HandedOver++;
            return null;
        }

        var isUpdate = record.DeliveredAt is not null;
        record.Status = RecordStatus.Pending;
        record.NextAttemptAt = null;
        record.RunId = context.Run.Id;
        record.RetryOperationId = null;
        return isUpdate;
    }

    private static SyncRecord NewRecord(RunContext context, SourceRecord source, DateTimeOffset now) => new()
    {
        IntegrationId = context.Integration.Id,
        EntityType = source.EntityType,
        SourceId = source.SourceId,
        Payload = source.Payload,
        IdempotencyBase = Guid.NewGuid().ToString("N"),
        Status = RecordStatus.Pending,
        RunId = context.Run.Id,
        SourceChangedAt = source.ChangedAt,
        ParentEntityType = source.ParentEntityType,
        ParentSourceId = source.ParentSourceId,
        CreatedAt = now,
        UpdatedAt = now,
    };
}
