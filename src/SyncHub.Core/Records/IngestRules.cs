using System.Text.Json;
using SyncHub.Core.Validation;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Records;

/// <summary>What both ingest paths agree on: what a valid record is, what a new one looks like, what a new version changes.</summary>
internal static class IngestRules
{
    public static FieldErrors Validate(IngestRequest request, out string? payload)
    {
        var errors = new FieldErrors();
        TextRules.Identifier(errors, "entityType", request.EntityType);
        TextRules.Required(errors, "sourceId", request.SourceId, 200);
        if (request.Parent is { } parent)
        {
            TextRules.Identifier(errors, "parent.entityType", parent.EntityType);
            TextRules.Required(errors, "parent.sourceId", parent.SourceId, 200);
            if (parent.EntityType == request.EntityType && parent.SourceId == request.SourceId)
            {
                errors.Add("parent", "must be another record, not the record itself.");
            }
        }

        payload = null;
        if (request.Payload is not { ValueKind: JsonValueKind.Object } element)
        {
            errors.Add("payload", "is required and must be a JSON object.");
        }
        else if (PayloadText.Check(element) is { } problem)
        {
            errors.Add("payload", problem);
        }
        else
        {
            payload = element.GetRawText();
            if (payload.Length > IngestService.MaxPayloadBytes)
            {
                errors.Add("payload", $"must be at most {IngestService.MaxPayloadBytes / 1024} KB.");
            }
        }

        return errors;
    }

    public static SyncRecord NewRecord(int integrationId, IngestRequest request, string payload, DateTimeOffset now)
    {
        var record = new SyncRecord
        {
            IntegrationId = integrationId,
            EntityType = request.EntityType!,
            SourceId = request.SourceId!,
            Payload = payload,
            IdempotencyBase = Guid.NewGuid().ToString("N"),
            Status = RecordStatus.Pending,
            NextAttemptAt = now,
            CreatedAt = now,
            UpdatedAt = now,
        };
        SetParent(record, request.Parent);
        return record;
    }

    public static void ApplyNewVersion(SyncRecord record, IngestRequest request, string payload, DateTimeOffset now)
    {
        record.Payload = payload;
        record.PayloadVersion++;
        record.UpdatedAt = now;
        SetParent(record, request.Parent);

        // New data from the source makes a retired record active again, so its delivery (or failure) is seen.
        record.ArchivedAt = null;
        record.ArchivedBy = null;
        if (record.Status != RecordStatus.InFlight)
        {
            // A new version supersedes any queued retry; the in-flight case is handled when that attempt completes.
            record.Status = RecordStatus.Pending;
            record.NextAttemptAt = now;
            record.RetryOperationId = null;
        }
    }

    private static void SetParent(SyncRecord record, IngestParent? parent)
    {
        record.ParentEntityType = parent?.EntityType;
        record.ParentSourceId = parent?.SourceId;
    }
}
