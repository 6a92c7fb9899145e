using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SyncHub.Core.Validation;
using SyncHub.Data;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Records;

/// <summary>
/// Accepts records from source systems. Idempotent on (integration, entity type, source id): the same
/// source id again updates that record's payload and queues it for delivery; it never creates a second one.
/// </summary>
public sealed class IngestService(IDbContextFactory<SyncHubDbContext> dbFactory, TimeProvider time)
{
    public const int MaxPayloadBytes = 256 * 1024;

    public async Task<IngestResult> IngestAsync(string integrationSlug, IngestRequest request, CancellationToken cancellationToken)
    {
        var errors = Validate(request, out var payload);
        if (!errors.IsEmpty)
        {
            return new IngestResult(IngestOutcome.Invalid, Errors: errors);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var integrationId = await db.Integrations.Where(i => i.Slug == integrationSlug).Select(i => (int?)i.Id).SingleOrDefaultAsync(cancellationToken);
        if (integrationId is null)
        {
            return new IngestResult(IngestOutcome.IntegrationNotFound);
        }

        try
        {
            return await UpsertAsync(db, integrationId.Value, request.EntityType!, request.SourceId!, payload!, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another request inserted the same source id between our read and write: update that one instead.
            db.ChangeTracker.Clear();
            return await UpsertAsync(db, integrationId.Value, request.EntityType!, request.SourceId!, payload!, cancellationToken);
        }
    }

    private async Task<IngestResult> UpsertAsync(SyncHubDbContext db, int integrationId, string entityType, string sourceId, string payload, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var record = await db.Records.SingleOrDefaultAsync(
            r => r.IntegrationId == integrationId && r.EntityType == entityType && r.SourceId == sourceId, cancellationToken);
        if (record is null)
        {
            record = new SyncRecord
            {
                IntegrationId = integrationId,
                EntityType = entityType,
                SourceId = sourceId,
                Payload = payload,
                IdempotencyBase = Guid.NewGuid().ToString("N"),
                Status = RecordStatus.Pending,
                NextAttemptAt = now,
                CreatedAt = now,
                UpdatedAt = now,
            };
            db.Records.Add(record);
            await db.SaveChangesAsync(cancellationToken);
            return new IngestResult(IngestOutcome.Created, record.Id, record.Status);
        }

        if (record.Payload == payload)
        {
            return new IngestResult(IngestOutcome.Unchanged, record.Id, record.Status);
        }

        record.Payload = payload;
        record.PayloadVersion++;
        record.UpdatedAt = now;
        if (record.Status != RecordStatus.InFlight)
        {
            // A new version supersedes any queued retry; the in-flight case is handled when that attempt completes.
            record.Status = RecordStatus.Pending;
            record.NextAttemptAt = now;
            record.RetryOperationId = null;
        }

        await db.SaveChangesAsync(cancellationToken);
        return new IngestResult(IngestOutcome.Updated, record.Id, record.Status);
    }

    private static FieldErrors Validate(IngestRequest request, out string? payload)
    {
        var errors = new FieldErrors();
        TextRules.Identifier(errors, "entityType", request.EntityType);
        TextRules.Required(errors, "sourceId", request.SourceId, 200);
        payload = null;
        if (request.Payload is not { ValueKind: JsonValueKind.Object } element)
        {
            errors.Add("payload", "is required and must be a JSON object.");
        }
        else
        {
            payload = element.GetRawText();
            if (payload.Length > MaxPayloadBytes)
            {
                errors.Add("payload", $"must be at most {MaxPayloadBytes / 1024} KB.");
            }
        }

        return errors;
    }
}
