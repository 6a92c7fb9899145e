using Microsoft.EntityFrameworkCore;
using SyncHub.Core.Delivery;
using SyncHub.Core.Failures;
using SyncHub.Data;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Duplicates;

public sealed partial class DuplicateReviewService
{
    /// <summary>
    /// Merges the record with the chosen destination record: the connector checks that the destination can take the
    /// merge, SyncHub's older records linked to any candidate are absorbed (point balances added, their children
    /// re-parented, then dismissed as merged), the connector moves what the merged destination records held, and it
    /// links the survivor to this record with the combined values.
    /// </summary>
    public async Task<DuplicateDecisionResult> MergeAsync(long reviewId, string? survivorExternalId, string actor, CancellationToken cancellationToken)
    {
        var details = await GetAsync(reviewId, cancellationToken);
        if (Check(details) is { } refused)
        {
            return refused;
        }

        if (string.IsNullOrWhiteSpace(survivorExternalId) || details!.Candidates.All(c => c.ExternalId != survivorExternalId))
        {
            return new(DuplicateDecisionOutcome.InvalidSurvivor, "Choose which of the candidates survives.");
        }

        // The destination is asked first, so a merge it cannot take (a permission the credentials lack) changes nothing.
        if (await transfers.CheckAsync(details, survivorExternalId, cancellationToken) is { } refusedByDestination)
        {
            return refusedByDestination;
        }

        var absorbed = await AbsorbLinkedRecordsAsync(details, actor, cancellationToken);
        if (await transfers.TransferAsync(details.Record.Id, survivorExternalId, cancellationToken) is { } notMoved)
        {
            return notMoved;
        }

        return await DeliverAsync(details, new ReviewDecision(survivorExternalId), actor, AuditActions.DuplicateMerge, DuplicateReviewStatus.Merged,
            $"Merged into {survivorExternalId}" + (absorbed.Length > 0 ? "; " + absorbed : "") + ".", cancellationToken);
    }

    /// <summary>The record is a different one from every candidate: it is created at the destination without another duplicate search.</summary>
    public async Task<DuplicateDecisionResult> KeepApartAsync(long reviewId, string actor, CancellationToken cancellationToken)
    {
        var details = await GetAsync(reviewId, cancellationToken);
        return Check(details) ?? await DeliverAsync(details!, new ReviewDecision(null), actor, AuditActions.DuplicateKeepApart, DuplicateReviewStatus.KeptApart,
            "Kept apart: created as a new record.", cancellationToken);
    }

    private static DuplicateDecisionResult? Check(DuplicateReviewDetails? details) => details switch
    {
        null => new(DuplicateDecisionOutcome.NotFound, "No such review."),
        { Review.Status: not DuplicateReviewStatus.Open } or { Record.Status: not RecordStatus.NeedsReview } =>
            new(DuplicateDecisionOutcome.NotOpen, "This review was already decided, or its record is no longer waiting for one."),
        _ => null,
    };

    private async Task<DuplicateDecisionResult> DeliverAsync(
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
