using SyncHub.Data.Entities;

namespace SyncHub.Core.Integrations;

/// <summary>An audit entry about an integration; its detail is cut at 2000 characters.</summary>
internal static class IntegrationAudit
{
    public static AuditEntry Entry(DateTimeOffset at, string actor, string action, string slug, string detail) => new()
    {
        At = at,
        Actor = actor,
        Action = action,
        Target = IntegrationAuditActions.Target(slug),
        Detail = detail.Length > 2000 ? detail[..1999] + "…" : detail,
    };
}
