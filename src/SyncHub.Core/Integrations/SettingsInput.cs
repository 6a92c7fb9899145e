namespace SyncHub.Core.Integrations;

/// <summary>
/// Settings as a form sends them: one text per declared field (blank secret = keep the stored one), the
/// secrets to clear, or, for a connector that declares no fields, a JSON object (blank = keep).
/// </summary>
public sealed record SettingsInput(IReadOnlyDictionary<string, string?> Values, IReadOnlySet<string> Clear, string? Json = null);
