using SyncHub.Connectors;

namespace SyncHub.Core.Operations;

/// <summary>
/// Which failed records a retry operation takes: the given ids, or all of them (optionally of one integration and
/// one error class).
/// </summary>
public sealed record RetryScope(int? IntegrationId, IReadOnlyCollection<long>? RecordIds, ErrorClass? ErrorClass = null)
{
    public static RetryScope All(int? integrationId = null, ErrorClass? errorClass = null) => new(integrationId, null, errorClass);

    public static RetryScope Selected(IReadOnlyCollection<long> recordIds, int? integrationId = null) => new(integrationId, recordIds);
}
