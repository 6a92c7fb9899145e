using SyncHub.Core.Delivery;
using SyncHub.Core.Failures;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Duplicates;

/// <summary>
/// Potential duplicates an administrator decides: list and compare them (<see cref="DuplicateReviewQuery"/>), then
/// merge into a chosen destination record or keep them apart (<see cref="DuplicateDecisionDelivery"/>). Every decision
/// is audited and kept in the record's history.
/// </summary>
public sealed class DuplicateReviewService(
    DuplicateReviewQuery query, MergeTransfers transfers, LinkedRecordAbsorption absorption, DuplicateDecisionDelivery delivery)
{
    public const int PageSize = DuplicateReviewQuery.PageSize;

    public Task<IReadOnlyList<DuplicateReviewRow>> ListAsync(bool open, string? integrationSlug, CancellationToken cancellationToken) =>
        query.ListAsync(open, integrationSlug, cancellationToken);

    public Task<DuplicateReviewDetails?> GetAsync(long reviewId, CancellationToken cancellationToken) => query.GetAsync(reviewId, cancellationToken);

    /// <summary>
    /// Merges the record with the chosen destination record: the connector checks that the destination can take the
    /// merge, SyncHub's older records linked to any candidate are absorbed (point balances added, their children
    /// re-parented, then dismissed as merged), the connector moves what the merged destination records held, and it
    /// links the survivor to this record with the combined values.
    /// </summary>
    public async Task<DuplicateDecisionResult> MergeAsync(long reviewId, string? survivorExternalId, string actor, CancellationToken cancellationToken)
    {
        var details = await query.GetAsync(reviewId, cancellationToken);
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

        var absorbed = await absorption.AbsorbAsync(details, actor, cancellationToken);
        if (await transfers.TransferAsync(details.Record.Id, survivorExternalId, cancellationToken) is { } notMoved)
        {
            return notMoved;
        }

        return await delivery.DeliverAsync(details, new ReviewDecision(survivorExternalId), actor, AuditActions.DuplicateMerge, DuplicateReviewStatus.Merged,
            $"Merged into {survivorExternalId}" + (absorbed.Length > 0 ? "; " + absorbed : "") + ".", cancellationToken);
    }

    /// <summary>The record is a different one from every candidate: it is created at the destination without another duplicate search.</summary>
    public async Task<DuplicateDecisionResult> KeepApartAsync(long reviewId, string actor, CancellationToken cancellationToken)
    {
        var details = await query.GetAsync(reviewId, cancellationToken);
        return Check(details) ?? await delivery.DeliverAsync(details!, new ReviewDecision(null), actor, AuditActions.DuplicateKeepApart, DuplicateReviewStatus.KeptApart,
            "Kept apart: created as a new record.", cancellationToken);
    }

    /// <summary>Only an open review whose record still waits for it can be decided.</summary>
    internal static DuplicateDecisionResult? Check(DuplicateReviewDetails? details) => details switch
    {
        null => new(DuplicateDecisionOutcome.NotFound, "No such review."),
        { Review.Status: not DuplicateReviewStatus.Open } or { Record.Status: not RecordStatus.NeedsReview } =>
            new(DuplicateDecisionOutcome.NotOpen, "This review was already decided, or its record is no longer waiting for one."),
        _ => null,
    };
}
