using SyncHub.Core.Budgets;

namespace SyncHub.Core.Runs;

/// <summary>An integration's schedule, run policy and error budget and pause as the schedule page shows them, with the budget's burn.</summary>
public sealed record IntegrationSchedule(
    int Id,
    string Slug,
    string Name,
    string? Schedule,
    bool ScheduleEnabled,
    bool RetryOnFailure,
    string RetryDelays,
    int TimeoutSeconds,
    int BatchSize,
    int BreakerMinimumProcessed,
    double BreakerFailureRatio,
    DateTimeOffset? CutOffDate,
    bool DuplicateDetection,
    double ErrorBudgetPercent,
    int ErrorBudgetWindowHours,
    bool PauseOnBudgetExhausted,
    DateTimeOffset? PausedAt,
    string? PausedBy,
    string? PauseReason,
    ErrorBudgetBurn Burn);
