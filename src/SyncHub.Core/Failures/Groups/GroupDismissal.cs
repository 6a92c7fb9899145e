using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SyncHub.Core.Validation;
using SyncHub.Data;
using SyncHub.Data.Bookkeeping;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Failures.Groups;

/// <summary>Dismiss group: every record of one failure group leaves its queue with one reason and one audit entry.</summary>
public sealed partial class GroupDismissal(
    IDbContextFactory<SyncHubDbContext> dbFactory, WriteGate writes, TimeProvider time, ILogger<GroupDismissal> logger)
{
    private const int MaxActorLength = 256;

    /// <summary>
    /// Dismisses every record of one failure group in one queue (failed or dead letter; not archived), with the same
    /// who, when and why as a single dismiss. A group can hold thousands, so it is one UPDATE and one audit entry naming
    /// the group and the count, committed together.
    /// </summary>
    public async Task<GroupDismissResult> DismissGroupAsync(
        string fingerprint, string? reason, string actor, int? integrationId, RecordStatus queue, CancellationToken cancellationToken)
    {
        if (queue is not (RecordStatus.Failed or RecordStatus.DeadLetter))
        {
            throw new ArgumentOutOfRangeException(nameof(queue), queue, "Groups are dismissed from the failed or the dead-letter queue.");
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var errors = new FieldErrors();
        var trimmed = reason?.Trim();
        TextRules.Required(errors, "reason", trimmed, RecordActionService.MaxReasonLength);
        if (string.IsNullOrWhiteSpace(fingerprint) || fingerprint.Length > ErrorFingerprint.Length)
        {
            errors.Add("fingerprint", "must name a failure group.");
        }

        if (!errors.IsEmpty)
        {
            return new GroupDismissResult(0, errors);
        }

        var by = actor.Length <= MaxActorLength ? actor : actor[..MaxActorLength];
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        using var gate = await writes.EnterAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var records = db.Records.Where(r => r.Status == queue && r.ErrorFingerprint == fingerprint && r.ArchivedAt == null);
        if (integrationId is { } integration)
        {
            records = records.Where(r => r.IntegrationId == integration);
        }

        var now = time.GetUtcNow();
        var dismissed = (await RecordWrites.UpdateAsync(
            db,
            records,
            s => s.SetProperty(r => r.Status, RecordStatus.Dismissed).SetProperty(r => r.NextAttemptAt, (DateTimeOffset?)null)
                .SetProperty(r => r.RetryOperationId, (Guid?)null).SetProperty(r => r.DismissedAt, now).SetProperty(r => r.DismissedBy, by)
                .SetProperty(r => r.DismissReason, trimmed).SetProperty(r => r.UpdatedAt, now),
            cancellationToken)).Count;
        if (dismissed > 0)
        {
            db.AuditLog.Add(new AuditEntry
            {
                At = now, Actor = by, Action = AuditActions.DismissGroup, Target = AuditActions.GroupTarget(fingerprint), Detail = $"{dismissed} {(queue == RecordStatus.DeadLetter ? "dead letters" : "records")}: {trimmed}",
            });
            await db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        LogDismissed(fingerprint, dismissed, by);
        return new GroupDismissResult(dismissed, null);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Group {Fingerprint} dismissed by {Actor}: {Dismissed} records")]
    private partial void LogDismissed(string fingerprint, int dismissed, string actor);
}
