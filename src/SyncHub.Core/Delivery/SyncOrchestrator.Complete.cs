using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using SyncHub.Core.Fixes;
using SyncHub.Core.Notifications;
using SyncHub.Data;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Delivery;

public sealed partial class SyncOrchestrator
{
    private const int MaxMessageLength = 2000;

    /// <summary>
    /// Writes the results of a group of answered attempts in one transaction: per attempt the log entry, the record's
    /// state, the outcome's details and automatic fixes; then, for the group at once, the failures the deliveries
    /// resolved and the children they released. Each record is guarded by its own claim token, so a record whose
    /// claim was lost is skipped (null) and the others are written. Until the commit every record stays in flight
    /// under its claim, which is what in-flight and stale-claim recovery pick up after a crash or a failed write.
    /// </summary>
    private async Task<IReadOnlyList<bool?>> CompleteGroupAsync(IReadOnlyList<Completion> group)
    {
        // The destinations have answered: the write runs to its end even when the host is stopping.
        var cancellationToken = CancellationToken.None;
        var results = new bool?[group.Count];
        var written = new List<(Completion Completion, SyncRecord Record, List<NotificationEvent> Notices)>(group.Count);
        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
        using (await _writes.EnterAsync(cancellationToken))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var recordIds = group.Select(c => c.Work.Record.Id).Distinct().ToList();
            var attemptIds = group.Select(c => c.Work.AttemptId).ToList();
            var records = await db.Records.Include(r => r.Integration).Where(r => recordIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, cancellationToken);
            var attempts = await db.Attempts.Where(a => attemptIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, cancellationToken);
            var now = _time.GetUtcNow();
            for (var i = 0; i < group.Count; i++)
            {
                var completion = group[i];
                using var attempt = UnderAttempt(completion);
                if (!records.TryGetValue(completion.Work.Record.Id, out var record) || record.ClaimToken != completion.Work.ClaimToken)
                {
                    LogClaimLost(completion.Work.Record.Id);
                    continue;
                }

                var before = NotableState.Of(record);
                await ApplyCompletionAsync(db, record, attempts[completion.Work.AttemptId], completion, now, cancellationToken);
                written.Add((completion, record, Notices(before, record)));
                results[i] = completion.Outcome.IsDelivered;
            }

            await db.SaveChangesAsync(cancellationToken);
            await ResolveEarlierFailuresAsync(db, [.. written.Where(w => w.Completion.Outcome.IsDelivered).Select(w => w.Record.Id)], cancellationToken);
            await ReleaseChildrenAsync(db, [.. written.Where(w => w.Record.Status == RecordStatus.Delivered).Select(w => w.Record.Id)], now, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        foreach (var (completion, record, notices) in written)
        {
            using var attempt = UnderAttempt(completion);
            AfterCommit(completion, record, notices);
        }

        return results;
    }

    /// <summary>One attempt's result on the tracked record and log entry; nothing is saved here.</summary>
    private async Task ApplyCompletionAsync(SyncHubDbContext db, SyncRecord record, SyncAttempt attempt, Completion completion, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (work, outcome) = (completion.Work, completion.Outcome);
        attempt.FinishedAt = now;
        attempt.DurationMs = (long)completion.Elapsed.TotalMilliseconds;
        attempt.HttpStatus = outcome.HttpStatus;
        record.ClaimToken = null;
        record.UpdatedAt = now;
        if (work.Trigger != AttemptTrigger.Delivery)
        {
            record.RetryCount++;
        }

        if (outcome.IsDelivered)
        {
            ApplySuccess(record, attempt, outcome, now);
        }
        else
        {
            ApplyFailure(record, attempt, outcome, work.Trigger, now);
        }

        await ApplyOutcomeDetailsAsync(db, record, outcome, now, cancellationToken);
        ApplyLookup(record, attempt, completion.Guard, now);

        if (record.PayloadVersion != work.Record.PayloadVersion)
        {
            // The source sent a newer version while this one was out: deliver that next.
            record.Status = RecordStatus.Pending;
            record.NextAttemptAt = now;
        }

        await AutoFixes.TryApplyAsync(db, record, outcome, work.Trigger, now, _logger, cancellationToken);
        if (outcome.IsDelivered && completion.Mapping.DefaultedFields.Count > 0)
        {
            NoteMappingDefaults(attempt, completion.Mapping);
        }
    }

    /// <summary>Every failed entry of a record now delivered is marked succeeded, resolved by the attempt that delivered it.</summary>
    private static Task<int> ResolveEarlierFailuresAsync(SyncHubDbContext db, List<long> deliveredIds, CancellationToken cancellationToken) =>
        deliveredIds.Count == 0 ? Task.FromResult(0)
            : db.Attempts.Where(a => deliveredIds.Contains(a.RecordId) && a.Status == AttemptStatus.Failed)
                .ExecuteUpdateAsync(
                    s => s.SetProperty(a => a.Status, AttemptStatus.Succeeded)
                        // The record's last entry is the attempt just completed: the claim opened it and nothing else moves it while claimed.
                        .SetProperty(a => a.ResolvedByAttemptId, a => db.Records.Where(r => r.Id == a.RecordId).Select(r => r.LastAttemptId).FirstOrDefault()),
                    cancellationToken);

    /// <summary>
    /// Lines logged while one attempt's result is written carry that attempt's trace and record scope, not those of
    /// whichever attempt started the writer. Restores the previous activity when disposed.
    /// </summary>
    private AttemptContext UnderAttempt(Completion completion)
    {
        var previous = Activity.Current;
        Activity.Current = completion.Activity;
        var work = completion.Work;
        return new AttemptContext(previous, RecordScope(_logger, work.Record.Id, work.Integration.Slug, work.Trigger));
    }

    private void AfterCommit(Completion completion, SyncRecord record, List<NotificationEvent> notices)
    {
        var (work, outcome) = (completion.Work, completion.Outcome);
        var slug = record.Integration!.Slug;
        LogCompleted(record.Id, slug, work.Trigger, outcome.ErrorClass, outcome.HttpStatus);
        if (outcome.IsDelivered && completion.Mapping.DefaultedFields.Count > 0)
        {
            LogDeliveredWithDefaults(record.Id, slug, string.Join(", ", completion.Mapping.DefaultedFields));
        }

        _metrics.AttemptCompleted(slug, outcome, completion.Elapsed);
        foreach (var notice in notices)
        {
            _notifier.Notify(notice);
        }
    }

    private static string? Truncate(string? text, int length) =>
        text is null || text.Length <= length ? text : text[..(length - 1)] + "…";
}
