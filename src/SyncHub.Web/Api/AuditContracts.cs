namespace SyncHub.Web.Api;

// The JSON shapes of the audit log.
public sealed record AuditEntryResponse(long Id, DateTimeOffset At, string Actor, string Action, string Label, string Target, string? Detail);

public sealed record AuditPageResponse(IReadOnlyList<AuditEntryResponse> Items, string? Next);
