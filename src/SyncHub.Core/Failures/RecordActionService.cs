using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SyncHub.Core.Validation;
using SyncHub.Data;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Failures;

/// <summary>
/// An operator's decisions about records the engine could not deliver: dismiss (never deliver, never retry
/// automatically), archive (out of the active views, history kept) and restore. Each change and its audit entry
/// commit together; a record that does not qualify is left as it is.
/// </summary>
public sealed partial class RecordActionService(
    IDbContextFactory<SyncHubDbContext> dbFactory, WriteGate writes, TimeProvider time, ILogger<RecordActionService> logger)
{
    public const int MaxIds = 1000;
    public const int MaxReasonLength = 500;
    private const int MaxActorLength = 256;

    /// <summary>Failed and dead-letter records become Dismissed, with who, when and why.</summary>
    public async Task<RecordActionResult> DismissAsync(
        IReadOnlyCollection<long>? ids, string? reason, string actor, int? integrationId, CancellationToken cancellationToken)
    {
        var errors = CheckIds(ids);
        var trimmed = reason?.Trim();
        TextRules.Required(errors, "reason", trimmed, MaxReasonLength);
        if (!errors.IsEmpty)
        {
            return RecordActionResult.Invalid(errors);
        }

        return await ApplyAsync(
            ids!, actor, integrationId, AuditActions.Dismiss,
            r => r.Status == RecordStatus.Failed || r.Status == RecordStatus.DeadLetter || r.Status == RecordStatus.NeedsReview,
            (record, by, now) =>
            {
                record.Status = RecordStatus.Dismissed;
                record.NextAttemptAt = null;
                record.RetryOperationId = null;
                record.DismissedAt = now;
                record.DismissedBy = by;
                record.DismissReason = trimmed;
                return trimmed;
            },
            cancellationToken);
    }

    /// <summary>Settled records (anything not waiting or being delivered) leave the active views; status and history stay.</summary>
    public async Task<RecordActionResult> ArchiveAsync(IReadOnlyCollection<long>? ids, string actor, int? integrationId, CancellationToken cancellationToken)
    {
        var errors = CheckIds(ids);
        if (!errors.IsEmpty)
        {
            return RecordActionResult.Invalid(errors);
        }

        return await ApplyAsync(
            ids!, actor, integrationId, AuditActions.Archive,
            r => r.ArchivedAt == null && r.Status != RecordStatus.Pending && r.Status != RecordStatus.InFlight && r.Status != RecordStatus.Blocked,
            (record, by, now) =>
            {
                record.ArchivedAt = now;
                record.ArchivedBy = by;

                // A Retry All that queued it before it was archived must not retry it now.
                record.RetryOperationId = null;
                return $"status {record.Status}";
            },
            cancellationToken);
    }

    /// <summary>Archived records return to the views of their status.</summary>
    public async Task<RecordActionResult> RestoreAsync(IReadOnlyCollection<long>? ids, string actor, int? integrationId, CancellationToken cancellationToken)
    {
        var errors = CheckIds(ids);
        if (!errors.IsEmpty)
        {
            return RecordActionResult.Invalid(errors);
        }

        return await ApplyAsync(
            ids!, actor, integrationId, AuditActions.Restore,
            r => r.ArchivedAt != null,
            (record, _, _) =>
            {
                record.ArchivedAt = null;
                record.ArchivedBy = null;
                return $"status {record.Status}";
            },
            cancellationToken);
    }

    private static FieldErrors CheckIds(IReadOnlyCollection<long>? ids)
    {
        var errors = new FieldErrors();
        if (ids is null || ids.Count == 0 || ids.Count > MaxIds)
        {
            errors.Add("ids", $"must list between 1 and {MaxIds} record ids.");
        }

        return errors;
    }

    private async Task<RecordActionResult> ApplyAsync(
        IReadOnlyCollection<long> ids,
        string actor,
        int? integrationId,
        string action,
        Expression<Func<SyncRecord, bool>> qualifies,
        Func<SyncRecord, string, DateTimeOffset, string?> change,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var by = actor.Length <= MaxActorLength ? actor : actor[..MaxActorLength];
        var wanted = ids.Distinct().ToList();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        using var gate = await writes.EnterAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var records = db.Records.Where(r => wanted.Contains(r.Id)).Where(qualifies);
        if (integrationId is { } integration)
        {
            records = records.Where(r => r.IntegrationId == integration);
        }

        var changed = await records.OrderBy(r => r.Id).ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        foreach (var record in changed)
        {
            var detail = change(record, by, now);
            record.UpdatedAt = now;
            db.AuditLog.Add(new AuditEntry { At = now, Actor = by, Action = action, Target = AuditActions.RecordTarget(record.Id), Detail = detail });
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        LogApplied(action, changed.Count, wanted.Count, by);
        return new RecordActionResult([.. changed.Select(r => r.Id)], null);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Action} by {Actor}: {Changed} of {Requested} records changed")]
    private partial void LogApplied(string action, int changed, int requested, string actor);
}
