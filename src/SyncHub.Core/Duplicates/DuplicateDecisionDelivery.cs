using Microsoft.EntityFrameworkCore;
using SyncHub.Core.Delivery;
using SyncHub.Core.Failures;
using SyncHub.Data;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Duplicates;

/// <summary>
/// Carries a review's decision out: delivers the record with it, then closes the review with its outcome, the record's
/// history entry and the audit entry. A delivery that does not go through sends the record back to the review.
/// </summary>
public sealed class DuplicateDecisionDelivery(IDbContextFactory<SyncHubDbContext> dbFactory, WriteGate writes, SyncOrchestrator orchestrator, TimeProvider time)
{
    internal async Task<DuplicateDecisionResult> DeliverAsync(
        DuplicateReviewDetails details, ReviewDecision decision, string actor, string action, DuplicateReviewStatus status, string summary, CancellationToken cancellationToken)
    {
        var delivered = await orchestrator.DeliverReviewedAsync(details.Record.Id, decision, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        using var gate = await writes.EnterAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var review = await db.DuplicateReviews.SingleAsync(r => r.Id == details.Review.Id, cancellationToken);
        var record = await db.Records.SingleAsync(r => r.Id == details.Record.Id, cancellationToken);
        var now = time.GetUtcNow();
        if (delivered is not true)
        {
            // The decision stands until it is carried out: the record goes back to the review, not to the retry queue.
            if (record.Status is RecordStatus.Failed or RecordStatus.DeadLetter)
            {
                record.Status = RecordStatus.NeedsReview;
                record.NextAttemptAt = null;
                record.DeadLetteredAt = null;
                await db.SaveChangesAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            return delivered is null
                ? new(DuplicateDecisionOutcome.Busy, "The record is being delivered right now; try again in a moment.")
                : new(DuplicateDecisionOutcome.DeliveryFailed, "The destination refused: " + record.LastErrorMessage);
        }

        review.Status = status;
        review.DecidedAt = now;
        review.DecidedBy = actor;
        review.SurvivorExternalId = decision.LinkTo;
        review.Outcome = Clip(summary, 2000);
        record.ResolutionNote = Clip(summary, 1000);
        db.RecordChanges.Add(new RecordChange
        {
            RecordId = record.Id, At = now, Actor = actor, FromVersion = record.PayloadVersion, ToVersion = record.PayloadVersion,
            Kind = status == DuplicateReviewStatus.Merged ? RecordChangeKind.Merge : RecordChangeKind.KeptApart, Detail = summary,
        });
        db.AuditLog.Add(new AuditEntry { At = now, Actor = actor, Action = action, Target = AuditActions.RecordTarget(record.Id), Detail = Clip(summary, 1000) });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new(DuplicateDecisionOutcome.Done, summary);
    }

    private static string Clip(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}
