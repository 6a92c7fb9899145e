namespace SyncHub.Core.Alerts;

/// <summary>A rule with its effective setting: the administrator's row, or the rule's defaults.</summary>
public sealed record AlertRuleState(IAlertRule Rule, bool Enabled, double Threshold, int WindowMinutes)
{
    public TimeSpan Window => TimeSpan.FromMinutes(WindowMinutes);

    public bool IsDefault => Enabled && Threshold.Equals(Rule.DefaultThreshold) && WindowMinutes == Rule.DefaultWindowMinutes;
}
