using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SyncHub.Core.Delivery;
using SyncHub.Core.Records;
using SyncHub.Data;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Failures;

/// <summary>
/// An operator corrects a record's payload and retries it: the edit is a new payload version (so a new idempotency
/// key), kept in the record's history with a diff and the previous payload, written to the audit log, and delivered
/// at once as a manual retry. Records the engine has given up on can be edited (Failed, DeadLetter, Skipped,
/// NeedsReview); a record being delivered, waiting, delivered or dismissed cannot.
/// </summary>
public sealed partial class EditAndRetryService(
    IDbContextFactory<SyncHubDbContext> dbFactory, WriteGate writes, TimeProvider time, SyncOrchestrator orchestrator, ILogger<EditAndRetryService> logger)
{
    public const string PayloadField = "payload";
    private const int MaxActorLength = 256;
    private const int MaxDetailLength = 20_000;

    public Task<EditAndRetryResult> EditAndRetryAsync(long recordId, string newPayloadJson, string actor, CancellationToken cancellationToken) =>
        EditAndRetryAsync(new EditAndRetryRequest(recordId, newPayloadJson, actor), cancellationToken);

    public async Task<EditAndRetryResult> EditAndRetryAsync(EditAndRetryRequest request, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(request.Actor);
        var payload = PayloadJson.Parse(request.Payload, out var problem);
        if (payload is null)
        {
            return EditAndRetryResult.Invalid(PayloadField, problem!);
        }

        var saved = await SaveAsync(request, payload, cancellationToken);
        if (saved.Outcome != EditAndRetryOutcome.Retried)
        {
            return saved;
        }

        await orchestrator.DeliverEditedAsync(request.RecordId, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var after = await db.Records.AsNoTracking().Where(r => r.Id == request.RecordId)
            .Select(r => new { r.Status, r.LastErrorMessage }).SingleAsync(cancellationToken);
        var message = after.Status switch
        {
            RecordStatus.Delivered => $"Saved as version {saved.PayloadVersion} and retried: delivered.",
            RecordStatus.Pending or RecordStatus.InFlight or RecordStatus.Blocked =>
                $"Saved as version {saved.PayloadVersion}; it goes out with the next delivery (status {after.Status}).",
            _ => $"Saved as version {saved.PayloadVersion} and retried: it failed again ({after.LastErrorMessage}).",
        };
        return saved with { Status = after.Status, Message = message };
    }

    private async Task<EditAndRetryResult> SaveAsync(EditAndRetryRequest request, string payload, CancellationToken cancellationToken)
    {
        var actor = request.Actor.Length <= MaxActorLength ? request.Actor : request.Actor[..MaxActorLength];
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);

        // Claims take the same gate, so between this check and the commit no worker can pick the record up.
        using var gate = await writes.EnterAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var record = await db.Records.SingleOrDefaultAsync(
            r => r.Id == request.RecordId && (request.IntegrationId == null || r.IntegrationId == request.IntegrationId), cancellationToken);
        if (record is null)
        {
            return new(EditAndRetryOutcome.NotFound, $"No record has the id {request.RecordId}.");
        }

        if (Refusal(record, request.ExpectedVersion) is { } refusal)
        {
            return new(EditAndRetryOutcome.Conflict, refusal) { PayloadVersion = record.PayloadVersion, Status = record.Status };
        }

        var diff = PayloadDiff.Lines(record.Payload, payload);
        if (diff.Count == 0)
        {
            return EditAndRetryResult.Invalid(PayloadField, EditRules.SameAsCurrent);
        }

        var now = time.GetUtcNow();
        var detail = string.Join('\n', diff);
        db.RecordChanges.Add(new RecordChange
        {
            RecordId = record.Id, At = now, Actor = actor, Kind = RecordChangeKind.Edit, FromVersion = record.PayloadVersion, ToVersion = record.PayloadVersion + 1,
            Detail = detail.Length <= MaxDetailLength ? detail : detail[..(MaxDetailLength - 1)] + "…", PreviousPayload = record.Payload,
        });
        db.AuditLog.Add(new AuditEntry
        {
            At = now, Actor = actor, Action = AuditActions.EditRetry, Target = AuditActions.RecordTarget(record.Id),
            Detail = $"from {record.Status}, payload version {record.PayloadVersion} → {record.PayloadVersion + 1}, {diff.Count} changes",
        });
        ApplyNewVersion(record, payload, now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        LogEdited(record.Id, record.PayloadVersion, diff.Count, actor);
        return new(EditAndRetryOutcome.Retried, $"Saved as version {record.PayloadVersion}.") { PayloadVersion = record.PayloadVersion, Status = record.Status };
    }

    private static string? Refusal(SyncRecord record, int? expectedVersion)
    {
        if (record.Status == RecordStatus.InFlight || record.ClaimToken is not null)
        {
            return "The record is being delivered right now; wait for the attempt to finish, then edit it.";
        }

        if (expectedVersion is { } expected && expected != record.PayloadVersion)
        {
            return $"The record changed since it was opened (version {expected}, now {record.PayloadVersion}); reload it and edit the current payload.";
        }

        return record.Status switch
        {
            _ when EditRules.CanEdit(record) => null,
            RecordStatus.Delivered => "A delivered record cannot be edited: the destination has it already. Change it at the source, which sends a new version.",
            RecordStatus.Dismissed => "A dismissed record cannot be edited: an administrator decided not to deliver it.",
            _ => $"The record is {record.Status} and waits to be delivered; it can be edited once an attempt has failed.",
        };
    }

    // The same reset as a manual retry of a selected record: out of the dead-letter queue and the archive, backoff restarted.
    private static void ApplyNewVersion(SyncRecord record, string payload, DateTimeOffset now)
    {
        record.Payload = payload;
        record.PayloadVersion++;
        record.Status = RecordStatus.Pending;
        record.NextAttemptAt = now;
        record.UpdatedAt = now;
        record.RetryOperationId = null;
        record.DeadLetteredAt = null;
        record.AutomaticRetryCount = 0;
        record.AutomaticRetriesExhausted = false;
        record.ArchivedAt = null;
        record.ArchivedBy = null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Record {RecordId} edited by {Actor}: payload version {Version}, {Changes} changes; retrying")]
    private partial void LogEdited(long recordId, int version, int changes, string actor);
}
