using SyncHub.Data.Entities;

namespace SyncHub.Core.ApiKeys;

/// <summary>A stored API key as the key list shows it: never the key, only its first characters.</summary>
public sealed record ApiKeyView(int Id, string Name, string Prefix, ApiKeyScope Scope, DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? RevokedAt)
{
    public bool IsActive => RevokedAt is null;

    /// <summary>How the audit log names the key.</summary>
    public string AuditTarget => $"api key {Id} ({Name})";
}
