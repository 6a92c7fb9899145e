namespace SyncHub.Core.Integrations;

/// <summary>Backoff settings; any left out keep their defaults (30 s, ×2, 1 h cap, 8 attempts).</summary>
public sealed record RetryPolicyRequest(double? BaseDelaySeconds, double? Factor, double? MaxDelaySeconds, int? MaxAutomaticAttempts);
