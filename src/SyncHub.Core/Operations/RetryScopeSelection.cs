using SyncHub.Data.Entities;

namespace SyncHub.Core.Operations;

/// <summary>Which records a scope takes: those not already held by an operation, narrowed by the scope's ids, class and filters.</summary>
internal static class RetryScopeSelection
{
    public static IQueryable<SyncRecord> Apply(IQueryable<SyncRecord> all, RetryScope scope)
    {
        // Dead letters are retried only when picked by id (the Dead Letter tab); Retry All leaves them for review,
        // and archived records too: archiving took them out of the active work.
        var pickedById = scope.RecordIds is not null;
        var records = scope.DeadLetters
            ? all.Where(r => r.Status == RecordStatus.DeadLetter && r.RetryOperationId == null && (pickedById || r.ArchivedAt == null))
            : all.Where(r =>
                (r.Status == RecordStatus.Failed || (pickedById && r.Status == RecordStatus.DeadLetter)) && r.RetryOperationId == null
                && (pickedById || r.ArchivedAt == null));
        if (scope.IntegrationId is { } integrationId)
        {
            records = records.Where(r => r.IntegrationId == integrationId);
        }

        if (scope.RecordIds is { } ids)
        {
            records = records.Where(r => ids.Contains(r.Id));
        }

        if (scope.ErrorClass is { } errorClass)
        {
            records = records.Where(r => r.LastErrorClass == errorClass);
        }

        if (scope.Filter is { } filter)
        {
            records = filter.Apply(records);
        }

        return records;
    }
}
