using SyncHub.Core.Runs;
using SyncHub.Data.Entities;

namespace SyncHub.Web.Pages.Schedules;

/// <summary>The schedule and run policy form; percentages as the administrator thinks of them.</summary>
public sealed class RunPolicyForm
{
    public string? Schedule { get; set; }

    public bool ScheduleEnabled { get; set; }

    public bool RetryOnFailure { get; set; }

    public string? RetryDelays { get; set; }

    public int TimeoutSeconds { get; set; }

    public int BatchSize { get; set; }

    public int BreakerMinimumProcessed { get; set; }

    public int BreakerFailurePercent { get; set; }

    public DateOnly? CutOffDate { get; set; }

    public bool DuplicateDetection { get; set; }

    public static RunPolicyForm From(IntegrationSchedule integration) => new()
    {
        Schedule = integration.Schedule,
        ScheduleEnabled = integration.ScheduleEnabled,
        RetryOnFailure = integration.RetryOnFailure,
        RetryDelays = integration.RetryDelays,
        TimeoutSeconds = integration.TimeoutSeconds,
        BatchSize = integration.BatchSize,
        BreakerMinimumProcessed = integration.BreakerMinimumProcessed,
        BreakerFailurePercent = (int)Math.Round(integration.BreakerFailureRatio * 100),
        CutOffDate = integration.CutOffDate is { } cutOff ? DateOnly.FromDateTime(cutOff.UtcDateTime) : null,
        DuplicateDetection = integration.DuplicateDetection,
    };

    public RunPolicyRequest ToRequest() => new(
        Schedule, ScheduleEnabled, RetryOnFailure, RetryDelays, TimeoutSeconds, BatchSize, BreakerMinimumProcessed, BreakerFailurePercent / 100.0,
        CutOffDate is { } day ? new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null, DuplicateDetection);

    /// <summary>The form field an API-style error key belongs to.</summary>
    public static string FieldFor(string key) => key switch
    {
        "breakerFailureRatio" => nameof(BreakerFailurePercent),
        _ => char.ToUpperInvariant(key[0]) + key[1..],
    };
}
