namespace SyncHub.Core.Integrations;

/// <summary>What removing did; <see cref="Records"/> is how many records went with the integration.</summary>
public sealed record RemoveIntegrationResult(RemoveIntegrationOutcome Outcome, int Records = 0, string? Message = null);
