using SyncHub.Connectors;
using SyncHub.Core.Retries;

namespace SyncHub.Core.Failures.Groups;

/// <summary>
/// The records of one queue that failed for the same reason: how many, since when, and one of them as a sample
/// (its real message; <see cref="Pattern"/> is what the group's messages have in common).
/// </summary>
public sealed record FailureGroup(
    string Fingerprint,
    int IntegrationId,
    string IntegrationSlug,
    string IntegrationName,
    ErrorClass? ErrorClass,
    int Count,
    DateTimeOffset? FirstSeen,
    DateTimeOffset? LastSeen,
    long SampleRecordId,
    string? SampleMessage)
{
    public string Pattern => ErrorFingerprint.Normalize(SampleMessage);

    public string? ErrorLabel => ErrorClass is { } value ? ErrorClassPolicy.Label(value) : null;
}
