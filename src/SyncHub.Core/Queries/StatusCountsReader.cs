using Microsoft.EntityFrameworkCore;
using SyncHub.Data;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Queries;

/// <summary>
/// Reads <see cref="StatusCounts"/> from the maintained <c>RecordCounts</c> rows (a few per integration) rather
/// than counting records, so the dashboard and the failed list cost the same at a million records as at ten.
/// </summary>
internal static class StatusCountsReader
{
    public static async Task<StatusCounts> ReadAsync(SyncHubDbContext db, int? integrationId, CancellationToken cancellationToken)
    {
        var counts = db.RecordCounts.AsNoTracking();
        if (integrationId is { } id)
        {
            counts = counts.Where(c => c.IntegrationId == id);
        }

        var rows = await counts.GroupBy(c => new { c.Status, c.Archived })
            .Select(g => new { g.Key.Status, g.Key.Archived, Count = g.Sum(c => c.Count) })
            .ToListAsync(cancellationToken);
        int Count(RecordStatus status, bool archived) =>
            (int)rows.Where(r => r.Status == status && r.Archived == archived).Sum(r => r.Count);
        int Total(RecordStatus status) => Count(status, archived: false) + Count(status, archived: true);

        // Failed, dead letters, reviews, skipped, blocked and dismissed count the active records: archived ones left
        // them for the archive, which counts them whatever the status. Pending, in flight and delivered count every
        // record, as they always have.
        return new StatusCounts(
            Total(RecordStatus.Pending),
            Total(RecordStatus.InFlight),
            Total(RecordStatus.Delivered),
            Count(RecordStatus.Failed, archived: false),
            Count(RecordStatus.DeadLetter, archived: false),
            (int)rows.Where(r => r.Archived).Sum(r => r.Count))
        {
            NeedsReview = Count(RecordStatus.NeedsReview, archived: false),
            Skipped = Count(RecordStatus.Skipped, archived: false),
            Blocked = Count(RecordStatus.Blocked, archived: false),
            Dismissed = Count(RecordStatus.Dismissed, archived: false),
        };
    }
}
