using System.ComponentModel.DataAnnotations;

namespace SyncHub.Core.Delivery;

/// <summary>How the engine delivers (<c>SyncHub:Delivery</c>).</summary>
public sealed class DeliveryOptions
{
    public const string Section = "SyncHub:Delivery";

    /// <summary>Records claimed per batch.</summary>
    [Range(1, 5000)]
    public int BatchSize { get; set; } = 100;

    /// <summary>Records delivered at once; one worker per record.</summary>
    [Range(1, 256)]
    public int Concurrency { get; set; } = 8;

    /// <summary>A single gateway call is abandoned (and classed transient) after this long.</summary>
    [Range(1, 600)]
    public double CallTimeoutSeconds { get; set; } = 30;

    /// <summary>Retries inside one attempt for transient errors, before the attempt is recorded as failed.</summary>
    [Range(0, 5)]
    public int InCallRetries { get; set; } = 2;

    [Range(1, 10_000)]
    public int InCallBaseDelayMilliseconds { get; set; } = 200;

    /// <summary>A Retry-After longer than this is not waited out inside the call; the record is rescheduled instead.</summary>
    [Range(0, 60)]
    public double InCallMaxRetryAfterSeconds { get; set; } = 5;

    /// <summary>
    /// A record in flight this long under a claim no worker of this process holds was abandoned (its result could
    /// not be written) and is queued again. Must exceed the longest call with its in-call retries.
    /// </summary>
    [Range(1, 1440)]
    public double StaleClaimMinutes { get; set; } = 10;

    /// <summary>Off in tests that drive the engine themselves.</summary>
    public bool BackgroundEnabled { get; set; } = true;
}
