namespace SyncHub.Core.Runs;

/// <summary>An integration's run settings as an administrator edits them; null texts clear the value.</summary>
public sealed record RunPolicyRequest(
    string? Schedule,
    bool ScheduleEnabled,
    bool RetryOnFailure,
    string? RetryDelays,
    int TimeoutSeconds,
    int BatchSize,
    int BreakerMinimumProcessed,
    double BreakerFailureRatio,
    DateTimeOffset? CutOffDate,
    bool DuplicateDetection);
