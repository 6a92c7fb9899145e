using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SyncHub.Connectors;
using SyncHub.Core.Breakers;
using SyncHub.Core.Telemetry;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Delivery;

public sealed partial class SyncOrchestrator
{
    /// <summary>
    /// Claims around the breakers: records of integrations whose own or connector breaker is open are not claimed
    /// (they keep their status and next attempt time, and get no sync-log entry); a half-open one gets one record,
    /// the probe.
    /// </summary>
    private async Task<List<ClaimedRecord>> ClaimGatedAsync(
        Expression<Func<SyncRecord, bool>> filter, AttemptTrigger trigger, Guid? operationId, CancellationToken cancellationToken)
    {
        var paused = await PausedIntegrationIdsAsync(cancellationToken);
        if (paused.Count > 0)
        {
            // A paused integration's records stay where they are: waiting costs no attempt.
            filter = filter.And(r => !paused.Contains(r.IntegrationId));
        }

        if (_breakers.AllClosed)
        {
            return await ClaimAsync(filter, trigger, operationId, cancellationToken);
        }

        var targets = await LoadBreakerTargetsAsync(cancellationToken);
        var held = targets.Where(t => _breakers.Check(t) != BreakerAdmission.Allowed).ToList();
        var heldIds = held.Select(t => t.IntegrationId).ToList();
        var claimed = await ClaimAsync(filter.And(r => !heldIds.Contains(r.IntegrationId)), trigger, operationId, cancellationToken);
        foreach (var target in held)
        {
            if (await ClaimProbeAsync(target, filter, trigger, operationId, cancellationToken) is { } probe)
            {
                claimed.Add(probe);
            }
        }

        return claimed;
    }

    /// <summary>Integrations paused for a rate limit (in memory) or by an operator or the error budget (stored); one small query per batch.</summary>
    private async Task<List<int>> PausedIntegrationIdsAsync(CancellationToken cancellationToken)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
        var stored = await db.Integrations.Where(i => i.PausedAt != null).Select(i => i.Id).ToListAsync(cancellationToken);
        return [.. stored.Union(_pauses.PausedIds())];
    }

    private async Task<ClaimedRecord?> ClaimProbeAsync(
        BreakerTarget target, Expression<Func<SyncRecord, bool>> filter, AttemptTrigger trigger, Guid? operationId, CancellationToken cancellationToken)
    {
        if (!_breakers.TryBeginProbe(target))
        {
            return null;
        }

        var claimed = false;
        try
        {
            var integrationId = target.IntegrationId;
            var one = await ClaimAsync(filter.And(r => r.IntegrationId == integrationId), trigger, operationId, cancellationToken, limit: 1);
            if (one.Count == 0)
            {
                return null;
            }

            claimed = true;
            _breakers.AssignProbe(target, one[0].Record.Id);
            return one[0];
        }
        finally
        {
            if (!claimed)
            {
                _breakers.CancelProbe(target);
            }
        }
    }

    private async Task<List<BreakerTarget>> LoadBreakerTargetsAsync(CancellationToken cancellationToken)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Integrations.AsNoTracking()
            .Select(i => new BreakerTarget(i.Id, i.Slug, i.Connector))
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// A breaker may open while the rest of a batch is still queued behind the workers: those records are handed
    /// back untouched instead of being sent to a destination that is down.
    /// </summary>
    /// <returns>The pending write of the attempt's result; null at once when the record was handed back.</returns>
    private async Task<Task<bool?>> ProcessOrReleaseAsync(ClaimedRecord work, CancellationToken cancellationToken)
    {
        // Every line logged while this record is out names it, its integration and the attempt's trace. The
        // attempt's activity ends when its result is written (by the completion writer, which logs under it).
        var activity = DeliveryTracing.StartRecord(work.Record.Id, work.Integration.Slug, work.Trigger.ToString());
        using var scope = RecordScope(_logger, work.Record.Id, work.Integration.Slug, work.Trigger);
        var target = BreakerTarget.Of(work.Integration);
        Task<bool?> written = Task.FromResult<bool?>(null);
        try
        {
            if (!_breakers.MaySend(target, work.Record.Id) || _pauses.For(work.Integration.Id) is not null)
            {
                await ReleaseAsync(work, cancellationToken);
                return written;
            }

            written = await ProcessAsync(work, activity, cancellationToken);
            return written;
        }
        finally
        {
            _breakers.ReleaseProbe(target, work.Record.Id);
            _ = written.ContinueWith(_ => activity.Dispose(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    private void ReportToBreakers(ClaimedRecord work, DeliveryOutcome outcome) =>
        _breakers.Report(BreakerTarget.Of(work.Integration), work.Record.Id, BreakerVerdicts.Of(outcome));

    /// <summary>Undoes a claim: the record gets back its status and retry-operation mark, the opened sync-log entry is removed.</summary>
    private async Task ReleaseAsync(ClaimedRecord work, CancellationToken cancellationToken)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
        using var gate = await _writes.EnterAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var record = await db.Records.SingleOrDefaultAsync(r => r.Id == work.Record.Id && r.ClaimToken == work.ClaimToken, cancellationToken);
        if (record is null)
        {
            return;
        }

        var attempt = await db.Attempts.SingleAsync(a => a.Id == work.AttemptId, cancellationToken);
        record.Status = work.Trigger switch
        {
            AttemptTrigger.Delivery => RecordStatus.Pending,
            AttemptTrigger.ManualRetry when record.AutomaticRetriesExhausted && record.DeadLetteredAt is not null => RecordStatus.DeadLetter,
            _ => RecordStatus.Failed,
        };
        record.RetryOperationId = work.Trigger == AttemptTrigger.ManualRetry ? attempt.OperationId : null;
        record.LastAttemptId = attempt.RetryOfAttemptId;
        record.ClaimToken = null;
        await db.SaveChangesAsync(cancellationToken);
        db.Attempts.Remove(attempt);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        LogReleased(record.Id, work.Integration.Slug);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Record {RecordId} of {Integration} handed back unsent: a circuit breaker opened while it waited in the batch")]
    private partial void LogReleased(long recordId, string integration);
}
