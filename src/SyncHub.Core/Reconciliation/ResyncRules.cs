using SyncHub.Data.Entities;

namespace SyncHub.Core.Reconciliation;

/// <summary>
/// What a resync does with one record: leaves it when something else has it in hand (a delivery, the queue, an
/// administrator's decision, a newer version), otherwise queues it again the way an edit-and-retry does: a new payload
/// version (the destination lost or changed the old one, so a new idempotency key), pending now, out of the dead-letter
/// queue and the archive, backoff restarted, nothing to look up first.
/// </summary>
internal static class ResyncRules
{
    private const int MaxDetailChars = 2000;

    public static string? Refusal(SyncRecord record, ReconcileDifference difference) => record switch
    {
        { Status: RecordStatus.InFlight } or { ClaimToken: not null } => "Being delivered right now, so it was left alone.",
        { Status: RecordStatus.Pending or RecordStatus.Blocked } => "Already waiting to be delivered.",
        { Status: RecordStatus.Dismissed } => "Dismissed by an administrator, so it was not resynced.",
        { Status: RecordStatus.NeedsReview } => "Waiting for the duplicate review, so it was not resynced.",
        _ when difference.PayloadVersion is { } compared && compared != record.PayloadVersion =>
            $"Changed since the comparison (version {compared}, now {record.PayloadVersion}); reconcile again.",
        _ => null,
    };

    /// <returns>The history entry saying why it was queued.</returns>
    public static RecordChange Queue(SyncRecord record, ReconcileDifference difference, long runId, string actor, DateTimeOffset now)
    {
        var from = record.PayloadVersion;
        string? previous = null;
        if (difference.SourcePayload is { } fresh && fresh != record.Payload)
        {
            // The source read had a newer version than SyncHub held: that is what the destination should get.
            previous = record.Payload;
            record.Payload = fresh;
            record.SourceChangedAt = difference.SourceChangedAt;
            record.ParentEntityType = difference.ParentEntityType;
            record.ParentSourceId = difference.ParentSourceId;
        }

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
        record.OutcomeUnknown = false;
        return Change(record.Id, difference, runId, actor, now, from, record.PayloadVersion, previous);
    }

    /// <summary>A record the source read found and SyncHub did not hold, created pending as a run would stage it.</summary>
    public static SyncRecord Create(ReconcileDifference difference, int integrationId, DateTimeOffset now) => new()
    {
        IntegrationId = integrationId,
        EntityType = difference.EntityType,
        SourceId = difference.SourceId!,
        Payload = difference.SourcePayload!,
        IdempotencyBase = Guid.NewGuid().ToString("N"),
        Status = RecordStatus.Pending,
        NextAttemptAt = now,
        SourceChangedAt = difference.SourceChangedAt,
        ParentEntityType = difference.ParentEntityType,
        ParentSourceId = difference.ParentSourceId,
        CreatedAt = now,
        UpdatedAt = now,
    };

    public static RecordChange Created(SyncRecord record, ReconcileDifference difference, long runId, string actor, DateTimeOffset now) =>
        Change(record.Id, difference, runId, actor, now, record.PayloadVersion, record.PayloadVersion, null);

    private static RecordChange Change(long recordId, ReconcileDifference difference, long runId, string actor, DateTimeOffset now, int from, int to, string? previous)
    {
        var why = difference.Kind == ReconcileDifferenceKind.Different
            ? $"Different at the destination ({string.Join(", ", DifferenceRows.Fields(difference.FieldsJson).Take(5).Select(f => f.Field))})"
            : difference.RecordId is null ? "Missing at the destination and not in SyncHub yet" : "Missing at the destination";
        var detail = $"{why}, found by reconciliation #{runId}; queued for delivery as version {to}."
            + (previous is null ? "" : " The source read had a newer payload, which replaced the one SyncHub held.");
        return new RecordChange
        {
            RecordId = recordId, At = now, Actor = actor, Kind = RecordChangeKind.Resync, FromVersion = from, ToVersion = to,
            Detail = detail.Length <= MaxDetailChars ? detail : detail[..(MaxDetailChars - 1)] + "…", PreviousPayload = previous,
        };
    }
}
