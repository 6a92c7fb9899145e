namespace SyncHub.Core.Integrations;

/// <summary>A stored pause (by an operator, or by "system" when the error budget ran out); lasts until Resume.</summary>
public sealed record IntegrationPause(DateTimeOffset At, string By, string? Reason);
