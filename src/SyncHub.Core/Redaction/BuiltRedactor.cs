using SyncHub.Connectors;

namespace SyncHub.Core.Redaction;

/// <summary>A redactor built for one settings object, with the connector fields it was built from.</summary>
internal sealed record BuiltRedactor(IReadOnlyList<SettingField> Fields, ProviderTextRedactor Redactor);
