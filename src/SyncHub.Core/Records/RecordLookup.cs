using SyncHub.Data.Entities;

namespace SyncHub.Core.Records;

/// <summary>
/// Records named by integration, entity type and source id, the columns of their unique index. Naming all three lets
/// the store seek each key; with the entity type left out it read every record of the integration, so ingest slowed
/// down as the table grew. The sets may name combinations that do not exist; callers match rows by their full key.
/// </summary>
internal static class RecordLookup
{
    public static IQueryable<SyncRecord> Named(
        this IQueryable<SyncRecord> records, IReadOnlyCollection<int> integrationIds, IReadOnlyCollection<string> entityTypes, IReadOnlyCollection<string> sourceIds) =>
        records.Where(r => integrationIds.Contains(r.IntegrationId) && entityTypes.Contains(r.EntityType) && sourceIds.Contains(r.SourceId));
}
