using SyncHub.Data.Entities;

namespace SyncHub.Core.Queries;

/// <summary>
/// A failed sync-log entry is <em>superseded</em> when a newer payload version of its record (same source id) was
/// delivered rather than this version being retried: the source sent new data, or an automatic fix made a new
/// version. Its entry keeps the failure and names the delivery that resolved it; the record left the failed queue
/// with that delivery. An operator's edit-and-retry (a manual retry of a newer version) is reported as such instead.
/// </summary>
public static class Supersession
{
    public static bool IsSuperseded(int failedVersion, AttemptTrigger? resolvedBy, int resolvedVersion) =>
        resolvedBy is { } trigger && trigger != AttemptTrigger.ManualRetry && resolvedVersion > failedVersion;

    /// <summary>The delivery of a newer version that superseded <paramref name="attempt"/>, found among its record's attempts.</summary>
    public static SyncAttempt? SupersededBy(SyncAttempt attempt, IEnumerable<SyncAttempt> attempts)
    {
        if (attempt.ErrorClass is null || attempt.ResolvedByAttemptId is not { } by)
        {
            return null;
        }

        var resolver = attempts.FirstOrDefault(a => a.Id == by);
        return resolver is not null && IsSuperseded(attempt.PayloadVersion, resolver.Trigger, resolver.PayloadVersion) ? resolver : null;
    }
}
