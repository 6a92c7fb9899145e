namespace SyncHub.Core.Alerts;

public sealed record AlertRuleSettingRequest(string Rule, bool Enabled, double Threshold, int WindowMinutes);
