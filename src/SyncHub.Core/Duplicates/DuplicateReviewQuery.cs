using Microsoft.EntityFrameworkCore;
using SyncHub.Connectors;
using SyncHub.Core.Plugins;
using SyncHub.Data;
using SyncHub.Data.Entities;
using SyncHub.Plugins.Protocol;

namespace SyncHub.Core.Duplicates;

/// <summary>Lists duplicate reviews and reads one with its record, candidates and the older records a merge would absorb.</summary>
public sealed class DuplicateReviewQuery(IDbContextFactory<SyncHubDbContext> dbFactory, IConnectorCatalog catalog)
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
            r.review.Id, r.review.RecordId, r.Slug, r.Name, r.EntityType, r.SourceId, StoredCandidates.Parse(r.review.CandidatesJson).Count,
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
        var candidates = StoredCandidates.Parse(review.CandidatesJson);
        var linked = await LinkedRecords.Query(db, record, candidates).AsNoTracking().ToListAsync(cancellationToken);
        return new DuplicateReviewDetails(review, record, record.Integration!, candidates, linked)
        {
            CanLink = catalog.Find(record.Integration!.Connector)?.Has(ConnectorCapabilities.DuplicateResolver) == true,
        };
    }
}
