namespace SyncHub.Core.Integrations;

/// <summary>An existing integration's set-up as the connection form saves it; its slug and connector stay.</summary>
public sealed record UpdateIntegrationRequest(
    string? Name, SettingsInput Settings, RetryPolicyRequest Retry, bool DuplicateDetection, IReadOnlyList<string> AutoFixes);
