namespace SyncHub.Data.Entities;

/// <summary>How an integration's sync runs are scheduled, bounded and retried. Owned by <see cref="Integration"/>.</summary>
public sealed class RunPolicy
{
    /// <summary>A Quartz cron expression, or an interval such as <c>00:15:00</c>; null runs only on demand.</summary>
    public string? Schedule { get; set; }

    public bool ScheduleEnabled { get; set; }

    /// <summary>Start a new run (trigger "retry") after a failed or timed-out one.</summary>
    public bool RetryOnFailure { get; set; } = true;

    /// <summary>Delays before each run retry, comma-separated <c>hh:mm:ss</c>.</summary>
    public string RetryDelays { get; set; } = "00:05:00,00:30:00,02:00:00";

    public int TimeoutSeconds { get; set; } = 3600;

    /// <summary>Records read from the source per page.</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>The run breaker trips only after this many records were processed...</summary>
    public int BreakerMinimumProcessed { get; set; } = 10;

    /// <summary>...and more than this share of them failed.</summary>
    public double BreakerFailureRatio { get; set; } = 0.5;
}
