using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SyncHub.Connectors;
using SyncHub.Core.Records;
using SyncHub.Core.Validation;
using SyncHub.Data;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Runs;

public sealed partial class RunExecutor
{
    private const int MaxStoredMismatchChars = 64 * 1024;

    /// <summary>
    /// Takes a batch of source records in, de-duplicated on (entity type, source id): new and changed records are
    /// staged for delivery; unchanged ones the destination already has, dead letters, dismissed and archived
    /// records are skipped, so a resync never posts a record twice.
    /// </summary>
    private async Task<List<StagedRecord>> StageAsync(RunContext context, SourceRecord[] chunk, CancellationToken cancellationToken)
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
            if (CheckShape(source) is { } problem)
            {
                mismatches.Add(SkipMismatch(db, context, source, problem, existing.GetValueOrDefault((source.EntityType, source.SourceId)), now));
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
        db.Attempts.AddRange(mismatches.Select(r => MismatchEntry(context, r, now)));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        context.Run.Skipped += skipped;
        return [.. staged.Select(s => new StagedRecord(s.Record.Id, s.IsUpdate))];
    }

    /// <returns>Whether the staged record updates an earlier delivery; null when it is skipped.</returns>
    private static bool? Take(RunContext context, SyncRecord record, SourceRecord source, DateTimeOffset now)
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

    /// <summary>Null when the record has the shape SyncHub expects, otherwise what is wrong with it.</summary>
    private static string? CheckShape(SourceRecord source)
    {
        var errors = new FieldErrors();
        TextRules.Identifier(errors, "entityType", source.EntityType);
        TextRules.Required(errors, "sourceId", source.SourceId, 200);
        if (!errors.IsEmpty)
        {
            return errors.ToString();
        }

        try
        {
            using var document = JsonDocument.Parse(source.Payload, new JsonDocumentOptions { MaxDepth = PayloadText.MaxDepth + 1 });
            return document.RootElement.ValueKind != JsonValueKind.Object
                ? $"The source sent a JSON {document.RootElement.ValueKind.ToString().ToLowerInvariant()} where a record (a JSON object) was expected."
                : PayloadText.Check(document.RootElement) is { } problem ? "payload " + problem : null;
        }
        catch (JsonException ex)
        {
            return "The source sent a payload that is not JSON: " + ex.Message;
        }
    }

    /// <summary>Schema mismatch: the record is skipped and logged (with what arrived), and the run continues.</summary>
    private static SyncRecord SkipMismatch(SyncHubDbContext db, RunContext context, SourceRecord source, string problem, SyncRecord? existing, DateTimeOffset now)
    {
        var entityType = source.EntityType is { Length: > 0 and <= 100 } type ? type : "unknown";
        var sourceId = source.SourceId is { Length: > 0 and <= 200 } id ? id : $"unreadable-{Guid.NewGuid():N}";
        var record = existing ?? new SyncRecord
        {
            IntegrationId = context.Integration.Id,
            EntityType = entityType,
            SourceId = sourceId,
            Payload = source.Payload.Length <= MaxStoredMismatchChars ? source.Payload : source.Payload[..MaxStoredMismatchChars],
            IdempotencyBase = Guid.NewGuid().ToString("N"),
            Status = RecordStatus.Skipped,
            CreatedAt = now,
        };
        if (existing is null)
        {
            db.Records.Add(record);
        }

        record.LastErrorClass = ErrorClass.SchemaMismatch;
        record.LastErrorMessage = problem.Length <= 2000 ? problem : problem[..1999] + "…";
        record.ErrorFingerprint = Failures.Groups.ErrorFingerprint.For(context.Integration.Id, ErrorClass.SchemaMismatch, record.LastErrorMessage);
        record.UpdatedAt = now;
        return record;
    }

    private static SyncAttempt MismatchEntry(RunContext context, SyncRecord record, DateTimeOffset now) => new()
    {
        RecordId = record.Id,
        IntegrationId = context.Integration.Id,
        Trigger = AttemptTrigger.Run,
        RunId = context.Run.Id,
        Status = AttemptStatus.Skipped,
        ErrorClass = ErrorClass.SchemaMismatch,
        Message = record.LastErrorMessage,
        PayloadVersion = record.PayloadVersion,
        StartedAt = now,
        FinishedAt = now,
        DurationMs = 0,
    };
}
