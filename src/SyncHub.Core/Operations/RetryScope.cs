namespace SyncHub.Core.Operations;

/// <summary>Which failed records a retry operation takes: the given ids, or all of them (optionally of one integration).</summary>
public sealed record RetryScope(int? IntegrationId, IReadOnlyCollection<long>? RecordIds)
{
    public static RetryScope All(int? integrationId = null) => new(integrationId, null);

    public static RetryScope Selected(IReadOnlyCollection<long> recordIds, int? integrationId = null) => new(integrationId, recordIds);
}
