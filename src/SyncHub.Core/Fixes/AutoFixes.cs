using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SyncHub.Connectors;
using SyncHub.Data;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Fixes;

/// <summary>
/// After a validation error, tries the integration's automatic data-format fixes on the record's payload. A fix is
/// a new payload version (so a new idempotency key: the data changed), a <see cref="RecordChange"/> listing each value
/// changed, and a retry at once. A payload version is fixed at most once and a record at most <see cref="MaxRounds"/>
/// times, so a destination that keeps refusing cannot make SyncHub loop. When nothing can be fixed the failure stays.
/// </summary>
internal static partial class AutoFixes
{
    public const int MaxRounds = 3;
    public const string Actor = Audit.Actor.SystemName;
    private const int MaxDetailLength = 20_000;

    /// <summary>Runs inside the transaction that completes the attempt, on the tracked record, after its failure is applied.</summary>
    public static async Task<bool> TryApplyAsync(
        SyncHubDbContext db, SyncRecord record, DeliveryOutcome outcome, AttemptTrigger trigger, DateTimeOffset now, ILogger logger, CancellationToken cancellationToken)
    {
        // A record the source has meanwhile replaced is already pending with the newer payload: nothing to fix.
        if (outcome.ErrorClass != ErrorClass.Validation || record.Status is not (RecordStatus.Failed or RecordStatus.DeadLetter))
        {
            return false;
        }

        var fixers = FieldFixers.Enabled(record.Integration!.AutoFixes);
        if (fixers.Count == 0)
        {
            return false;
        }

        var earlier = await db.RecordChanges.Where(c => c.RecordId == record.Id && c.Kind == RecordChangeKind.AutoFix)
            .Select(c => c.FromVersion).ToListAsync(cancellationToken);
        if (earlier.Count >= MaxRounds || earlier.Contains(record.PayloadVersion))
        {
            LogGaveUp(logger, record.Id, record.PayloadVersion, earlier.Count);
            return false;
        }

        var result = PayloadFixer.Fix(record.Payload, outcome.FieldProblems, fixers);
        if (result.Payload is null)
        {
            LogNothingToFix(logger, record.Id, FieldNames(outcome));
            return false;
        }

        var detail = string.Join('\n', result.Fixes);
        db.RecordChanges.Add(new RecordChange
        {
            RecordId = record.Id,
            At = now,
            Actor = Actor,
            Kind = RecordChangeKind.AutoFix,
            FromVersion = record.PayloadVersion,
            ToVersion = record.PayloadVersion + 1,
            Detail = detail.Length <= MaxDetailLength ? detail : detail[..(MaxDetailLength - 1)] + "…",
            PreviousPayload = record.Payload,
        });
        record.Payload = result.Payload;
        record.PayloadVersion++;
        record.Status = RecordStatus.Pending;

        // A run delivers what it staged (pending, no due time) until none is left, so a fixed run record goes out in
        // the same run; any other goes out with the next delivery batch.
        record.NextAttemptAt = trigger == AttemptTrigger.Run ? null : now;
        record.AutomaticRetriesExhausted = false;
        record.DeadLetteredAt = null;
        LogFixed(logger, record.Id, record.Integration.Slug, result.Fixes.Count, string.Join(", ", result.Fixes.Select(f => f.Kind + " " + f.Path)));
        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Record {RecordId} of {Integration}: {Count} values fixed automatically after a validation error ({Fields}); retrying")]
    private static partial void LogFixed(ILogger logger, long recordId, string integration, int count, string fields);

    // The destination's field names (never the values) say what an administrator has to correct.
    private static string FieldNames(DeliveryOutcome outcome)
    {
        var names = string.Join(", ", outcome.FieldProblems.Select(p => p.Field));
        return names.Length == 0 ? "none named" : names.Length <= 300 ? names : names[..299] + "…";
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Record {RecordId}: no automatic fix applies to the validation error (fields: {Fields}); it waits for an administrator")]
    private static partial void LogNothingToFix(ILogger logger, long recordId, string fields);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Record {RecordId}: payload version {Version} was already fixed automatically, or the record had its {Rounds} automatic fixes; no further fix")]
    private static partial void LogGaveUp(ILogger logger, long recordId, int version, int rounds);
}
