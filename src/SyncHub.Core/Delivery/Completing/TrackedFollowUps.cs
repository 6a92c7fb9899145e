using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SyncHub.Connectors;
using SyncHub.Core.Duplicates;
using SyncHub.Core.Fixes;
using SyncHub.Data;
using SyncHub.Data.Entities;
using static SyncHub.Core.Text.TextClip;

namespace SyncHub.Core.Delivery.Completing;

/// <summary>
/// The rare results that need more than a column update, done on tracked records after the set-based statements, in the
/// same transaction: a link to an existing copy (with its history entry), a duplicate review to open, and automatic
/// data-format fixes after a validation error. Most groups have none and skip the read entirely.
/// </summary>
internal sealed class TrackedFollowUps(ILogger<TrackedFollowUps> logger)
{
    /// <returns>The records an automatic fix queued again.</returns>
    public async Task<IReadOnlySet<long>> ApplyAsync(SyncHubDbContext db, IReadOnlyList<AnsweredAttempt> answered, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var needed = answered.Where(Needs).ToList();
        var fixedAutomatically = new HashSet<long>();
        if (needed.Count == 0)
        {
            return fixedAutomatically;
        }

        var ids = needed.Select(a => a.Completion.Work.Record.Id).ToList();
        var records = await db.Records.Include(r => r.Integration).Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, cancellationToken);
        foreach (var answer in needed)
        {
            var (work, outcome) = (answer.Completion.Work, answer.Completion.Outcome!);
            var record = records[work.Record.Id];
            if (outcome.IsLinked)
            {
                record.ResolutionNote = Clip(outcome.Note, 1000);
                db.RecordChanges.Add(new RecordChange
                {
                    RecordId = record.Id, At = now, Actor = "system", Kind = RecordChangeKind.Link,
                    FromVersion = record.PayloadVersion, ToVersion = record.PayloadVersion,
                    Detail = Clip(outcome.Note, 2000) ?? $"Linked to {record.ExternalId}.",
                });
            }

            if (outcome.DuplicateCandidates.Count > 0)
            {
                await DuplicateReviewWriter.OpenAsync(db, record, outcome, now, cancellationToken);
            }

            if (await AutoFixes.TryApplyAsync(db, record, outcome, work.Trigger, now, logger, cancellationToken))
            {
                fixedAutomatically.Add(record.Id);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return fixedAutomatically;
    }

    private static bool Needs(AnsweredAttempt answer)
    {
        var outcome = answer.Completion.Outcome!;
        return outcome.IsLinked || outcome.DuplicateCandidates.Count > 0
            || (outcome.ErrorClass == ErrorClass.Validation && FieldFixers.Enabled(answer.Completion.Work.Integration.Entity.AutoFixes).Count > 0);
    }
}
