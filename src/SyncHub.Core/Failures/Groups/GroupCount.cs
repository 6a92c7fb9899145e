namespace SyncHub.Core.Failures.Groups;

/// <summary>One row of the grouping statement; the newest record of the group is its sample.</summary>
internal sealed record GroupCount(string Fingerprint, int Count, DateTimeOffset? FirstSeen, DateTimeOffset? LastSeen, long SampleId);
