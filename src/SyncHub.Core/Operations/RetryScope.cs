using SyncHub.Connectors;
using SyncHub.Core.Queries;

namespace SyncHub.Core.Operations;

/// <summary>
/// Which failed records a retry operation takes: the given ids, or all of them (optionally of one integration and
/// one error class, or passing the failed list's filters, or of one failure group). With <see cref="DeadLetters"/>
/// the scope takes dead letters instead of failed records: only a person picks those, by id or by group.
/// </summary>
public sealed record RetryScope(int? IntegrationId, IReadOnlyCollection<long>? RecordIds, ErrorClass? ErrorClass = null, RecordFilter? Filter = null)
{
    public static RetryScope All(int? integrationId = null, ErrorClass? errorClass = null) => new(integrationId, null, errorClass);

    /// <summary>Retry All over the records the failed list shows with these filters.</summary>
    public static RetryScope Filtered(RecordFilter filter) => new(filter.IntegrationId, null, filter.ErrorClass, filter);

    /// <summary>Retry All over one failure group (its fingerprint already names the integration).</summary>
    public static RetryScope Group(string fingerprint, int? integrationId = null) =>
        Filtered(new RecordFilter { IntegrationId = integrationId, Fingerprint = fingerprint });

    /// <summary>Retry group on the Dead letter queue: the group's dead letters (not archived), none of its failed records.</summary>
    public static RetryScope DeadLetterGroup(string fingerprint, int? integrationId = null) =>
        Group(fingerprint, integrationId) with { DeadLetters = true };

    public bool DeadLetters { get; init; }

    public static RetryScope Selected(IReadOnlyCollection<long> recordIds, int? integrationId = null) => new(integrationId, recordIds);
}
