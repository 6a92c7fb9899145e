using SyncHub.Connectors;
using SyncHub.Data;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Runs;

/// <summary>Schema mismatch: the record is skipped and logged (with what arrived, clipped), and the run continues.</summary>
internal static class SchemaMismatches
{
    private const int MaxStoredMismatchChars = 64 * 1024;

    public static SyncRecord Skip(SyncHubDbContext db, RunContext context, SourceRecord source, string problem, SyncRecord? existing, DateTimeOffset now)
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

    public static SyncAttempt Entry(RunContext context, SyncRecord record, DateTimeOffset now) => new()
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
