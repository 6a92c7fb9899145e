namespace SyncHub.Data.Entities;

/// <summary>An administrator's threshold for one alert rule; rules without a row use their defaults.</summary>
public sealed class AlertRuleSetting
{
    public required string Rule { get; set; }

    public bool Enabled { get; set; } = true;

    /// <summary>The rule's number: a count, a percentage, minutes or a factor, as the rule describes it.</summary>
    public double Threshold { get; set; }

    public int WindowMinutes { get; set; }
}
