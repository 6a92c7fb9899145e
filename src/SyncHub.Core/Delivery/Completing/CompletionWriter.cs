using Microsoft.EntityFrameworkCore;
using SyncHub.Core.Delivery.Pipeline;
using SyncHub.Data;
using SyncHub.Data.Bookkeeping;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Delivery.Completing;

/// <summary>
/// The complete stage: writes a group of finished attempts in one transaction with one statement per table: the records'
/// new states, the attempts' outcomes, the earlier failures the deliveries resolved, the records handed back unsent, their
/// queue rows, the counts as one delta per integration and status, and the retry operations' progress; then the rare
/// follow-ups (links, reviews, automatic fixes) and the children the deliveries release. Each record is guarded by its
/// own claim token, so a record whose claim was lost is skipped and the others are written. Until the commit every record
/// stays in flight under its claim, which is what recovery takes back after a crash or a failed write.
/// </summary>
/// <returns>Per item: true delivered, false failed, null not applied (claim lost, or handed back unsent).</returns>
internal sealed class CompletionWriter(
    EngineStore store, OutcomePlanner planner, TrackedFollowUps followUps, CompletionReport report, TimeProvider time)
{
    public async Task<IReadOnlyList<bool?>> WriteAsync(IReadOnlyList<Completion> group)
    {
        // The destinations have answered: the write runs to its end even when the host is stopping.
        var cancellationToken = CancellationToken.None;
        var now = time.GetUtcNow();
        var planned = group.Where(c => !c.HandedBack).Select(c => (Completion: c, Plan: planner.Plan(c.Work, c.Outcome!, c.Guard!, c.Mapping!, now))).ToList();
        var handedBack = group.Where(c => c.HandedBack).ToList();
        List<AnsweredAttempt> answered;
        List<(IntegrationSnapshotRef Integration, string Note)> expired;
        IReadOnlySet<long> fixedAutomatically;
        await using (var lease = await store.EnterAsync(cancellationToken))
        {
            var db = lease.Db;
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var records = planned.Count == 0 ? [] : await CompletionStatements.WriteRecordsAsync(db, planned, now, cancellationToken);
            var written = records.ToDictionary(r => r.Id);
            answered = [.. planned.Where(p => written.ContainsKey(p.Completion.Work.Record.Id))
                .Select(p => new AnsweredAttempt(p.Completion, p.Plan, (RecordStatus)written[p.Completion.Work.Record.Id].Status))];
            if (answered.Count > 0)
            {
                await CompletionStatements.WriteAttemptsAsync(db, [.. answered.Select(a => (a.Completion, a.Plan))], now, cancellationToken);
                await CompletionStatements.ResolveEarlierFailuresAsync(
                    db, [.. answered.Where(a => a.Plan.Delivered && a.Completion.Work.Record.HasFailed).Select(a => (a.Completion.Work.Record.Id, a.Completion.Work.AttemptId))],
                    cancellationToken);
            }

            var released = handedBack.Count == 0 ? [] : await CompletionStatements.HandBackAsync(db, handedBack, cancellationToken);
            var changed = records.Concat(released).ToList();
            await RecordBookkeeping.RefreshQueueAsync(db, [.. changed.Select(r => r.Id)], cancellationToken);
            await CountsOf(changed).ApplyAsync(db, cancellationToken);
            await WriteProgressAsync(db, answered, cancellationToken);
            expired = await ConnectionStateChanges.ApplyAsync(db, answered, cancellationToken);
            await ChildRelease.ReleaseAsync(db, answered, now, cancellationToken);
            fixedAutomatically = await followUps.ApplyAsync(db, answered, now, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        var applied = answered.ToDictionary(a => a.Completion);
        foreach (var (completion, _) in planned.Where(p => !applied.ContainsKey(p.Completion)))
        {
            report.ClaimLost(completion);
        }

        report.Written(answered, expired, fixedAutomatically);
        return [.. group.Select(c => applied.TryGetValue(c, out var a) ? a.Plan.Delivered : (bool?)null)];
    }

    /// <summary>In flight before, whatever the statement wrote after: one delta per integration, status and archive flag.</summary>
    private static RecordCountDeltas CountsOf(List<WrittenRecord> changed)
    {
        var counts = new RecordCountDeltas();
        foreach (var record in changed)
        {
            counts.Move(new CountKey(record.IntegrationId, RecordStatus.InFlight, record.Archived), new CountKey(record.IntegrationId, (RecordStatus)record.Status, record.Archived));
        }

        return counts;
    }

    /// <summary>A retry operation's progress moves with its records' results, one statement per operation in the group.</summary>
    private static async Task WriteProgressAsync(SyncHubDbContext db, List<AnsweredAttempt> answered, CancellationToken cancellationToken)
    {
        foreach (var operation in answered.Where(a => a.Completion.Work.OperationId is not null).GroupBy(a => a.Completion.Work.OperationId!.Value))
        {
            var (succeeded, failed) = (operation.Count(a => a.Plan.Delivered), operation.Count(a => !a.Plan.Delivered));
            await db.RetryOperations.Where(o => o.Id == operation.Key).ExecuteUpdateAsync(
                s => s.SetProperty(o => o.Succeeded, o => o.Succeeded + succeeded).SetProperty(o => o.Failed, o => o.Failed + failed),
                cancellationToken);
        }
    }
}
