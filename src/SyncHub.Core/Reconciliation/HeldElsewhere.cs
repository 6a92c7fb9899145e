using Microsoft.EntityFrameworkCore;
using SyncHub.Connectors;
using SyncHub.Core.Records;
using SyncHub.Data;

namespace SyncHub.Core.Reconciliation;

/// <summary>
/// Destination records the range did not expect but SyncHub holds a record for outside it (one delivered before the
/// range, or arriving after it, and changed at the destination since): those are not extra. Matched by source id (the
/// reference, through the records' unique index) and by the external id delivery kept, 500 at a time.
/// </summary>
internal sealed class HeldElsewhere(IDbContextFactory<SyncHubDbContext> dbFactory)
{
    private const int Chunk = 500;

    public async Task<HashSet<DestinationRecord>> FindAsync(ReconcileContext context, IReadOnlyList<DestinationRecord> candidates, CancellationToken token)
    {
        var held = new HashSet<DestinationRecord>(ReferenceEqualityComparer.Instance);
        await using var db = await dbFactory.CreateDbContextAsync(token);
        int[] integration = [context.Integration.Id];
        foreach (var chunk in candidates.Chunk(Chunk))
        {
            var types = chunk.Select(c => c.EntityType).Distinct().ToList();
            var references = chunk.Select(c => c.Reference).Distinct().ToList();
            var bySource = (await db.Records.Named(integration, types, references).Select(r => new { r.EntityType, r.SourceId }).ToListAsync(token))
                .Select(r => (r.EntityType, r.SourceId)).ToHashSet();
            var externalIds = chunk.Select(c => c.ExternalId).OfType<string>().Distinct().ToList();
            var byExternal = externalIds.Count == 0 ? [] : (await db.Records.AsNoTracking()
                .Where(r => r.IntegrationId == context.Integration.Id && r.ExternalId != null && externalIds.Contains(r.ExternalId))
                .Select(r => r.ExternalId!).ToListAsync(token)).ToHashSet(StringComparer.Ordinal);
            foreach (var candidate in chunk)
            {
                if (bySource.Contains((candidate.EntityType, candidate.Reference)) || (candidate.ExternalId is { } id && byExternal.Contains(id)))
                {
                    held.Add(candidate);
                }
            }
        }

        return held;
    }
}
