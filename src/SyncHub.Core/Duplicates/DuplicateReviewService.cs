using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SyncHub.Connectors;
using SyncHub.Core.Delivery;
using SyncHub.Core.Plugins;
using SyncHub.Data;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Duplicates;

/// <summary>
/// Potential duplicates an administrator decides: list and compare them, then merge into a chosen destination
/// record or keep them apart. Every decision is audited and kept in the record's history.
/// </summary>
public sealed partial class DuplicateReviewService(
    IDbContextFactory<SyncHubDbContext> dbFactory, WriteGate writes, SyncOrchestrator orchestrator, IConnectorCatalog catalog, MergeTransfers transfers,
    TimeProvider time)
{
    public const int PageSize = 100;

    public async Task<IReadOnlyList<DuplicateReviewRow>> ListAsync(bool open, string? integrationSlug, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var reviews = db.DuplicateReviews.AsNoTracking()
            .Where(r => open ? r.Status == DuplicateReviewStatus.Open : r.Status != DuplicateReviewStatus.Open);
        var query =
            from review in reviews
            join record in db.Records on review.RecordId equals record.Id
            join integration in db.Integrations on review.IntegrationId equals integration.Id
            where integrationSlug == null || integration.Slug == integrationSlug
            where !open || record.Status == RecordStatus.NeedsReview
            orderby review.Id descending
            select new { review, record.EntityType, record.SourceId, integration.Slug, integration.Name };
        var rows = await query.Take(PageSize).ToListAsync(cancellationToken);
        return [.. rows.Select(r => new DuplicateReviewRow(
            r.review.Id, r.review.RecordId, r.Slug, r.Name, r.EntityType, r.SourceId, ParseCandidates(r.review.CandidatesJson).Count,
            r.review.Status, r.review.CreatedAt, r.review.DecidedAt, r.review.DecidedBy, r.review.Outcome))];
    }

    public async Task<DuplicateReviewDetails?> GetAsync(long reviewId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var review = await db.DuplicateReviews.AsNoTracking().SingleOrDefaultAsync(r => r.Id == reviewId, cancellationToken);
        if (review is null)
        {
            return null;
        }

        var record = await db.Records.AsNoTracking().Include(r => r.Integration).SingleAsync(r => r.Id == review.RecordId, cancellationToken);
        var candidates = ParseCandidates(review.CandidatesJson);
        var linked = await LinkedRecordsQuery(db, record, candidates).AsNoTracking().ToListAsync(cancellationToken);
        return new DuplicateReviewDetails(review, record, record.Integration!, candidates, linked)
        {
            CanLink = catalog.Find(record.Integration!.Connector) is IDuplicateResolver,
        };
    }

    /// <summary>SyncHub's other records of the same kind already delivered as one of the candidates: the "old" records a merge absorbs.</summary>
    private static IQueryable<SyncRecord> LinkedRecordsQuery(SyncHubDbContext db, SyncRecord record, IReadOnlyList<StoredCandidate> candidates)
    {
        var ids = candidates.Select(c => c.ExternalId).ToList();
        return db.Records.Where(r => r.IntegrationId == record.IntegrationId && r.EntityType == record.EntityType && r.Id != record.Id
            && r.MergedIntoRecordId == null && r.ClaimToken == null && r.ExternalId != null && ids.Contains(r.ExternalId));
    }

    internal static IReadOnlyList<StoredCandidate> ParseCandidates(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<List<StoredCandidate>>(json) ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }
}
