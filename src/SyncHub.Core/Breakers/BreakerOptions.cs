using System.ComponentModel.DataAnnotations;

namespace SyncHub.Core.Breakers;

/// <summary>Connection circuit breakers (<c>SyncHub:Breakers</c>).</summary>
public sealed class BreakerOptions : IValidatableObject
{
    public const string Section = "SyncHub:Breakers";

    /// <summary>Off: every record is sent whatever the destination's health (tests of other features use this).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Consecutive unhealthy failures (transient, server error, rate limited, authentication) that open an integration's breaker.</summary>
    [Range(1, 1000)]
    public int FailureThreshold { get; set; } = 5;

    /// <summary>How long a breaker stays open after its first trip, before one probe record is let through.</summary>
    [Range(1, 86_400)]
    public double OpenSeconds { get; set; } = 30;

    /// <summary>Each further trip without a successful probe in between multiplies the open time by this factor.</summary>
    [Range(1, 10)]
    public double OpenGrowthFactor { get; set; } = 2;

    /// <summary>The open time never grows past this.</summary>
    [Range(1, 86_400)]
    public double MaxOpenSeconds { get; set; } = 600;

    /// <summary>
    /// A connector's breaker opens when this many of its integrations have tripped since it last closed and are still
    /// not closed: the provider as a whole is failing, not one tenant.
    /// </summary>
    [Range(2, 1000)]
    public int ConnectorTrippedIntegrations { get; set; } = 2;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MaxOpenSeconds < OpenSeconds)
        {
            yield return new ValidationResult(
                $"{Section}:{nameof(MaxOpenSeconds)} ({MaxOpenSeconds}) must not be less than {Section}:{nameof(OpenSeconds)} ({OpenSeconds}).",
                [nameof(MaxOpenSeconds)]);
        }
    }

    /// <summary>The open time after the given number of consecutive trips (1 for the first).</summary>
    public TimeSpan OpenDurationFor(int trips)
    {
        var seconds = OpenSeconds * Math.Pow(OpenGrowthFactor, Math.Max(0, trips - 1));
        return TimeSpan.FromSeconds(Math.Min(seconds, MaxOpenSeconds));
    }
}
