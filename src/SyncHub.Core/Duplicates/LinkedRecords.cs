using SyncHub.Data;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Duplicates;

/// <summary>SyncHub's other records of the same kind already delivered as one of the candidates: the "old" records a merge absorbs.</summary>
internal static class LinkedRecords
{
    public static IQueryable<SyncRecord> Query(SyncHubDbContext db, SyncRecord record, IReadOnlyList<StoredCandidate> candidates)
    {
        var ids = candidates.Select(c => c.ExternalId).ToList();
        return db.Records.Where(r => r.IntegrationId == record.IntegrationId && r.EntityType == record.EntityType && r.Id != record.Id
            && r.MergedIntoRecordId == null && r.ClaimToken == null && r.ExternalId != null && ids.Contains(r.ExternalId));
    }
}
