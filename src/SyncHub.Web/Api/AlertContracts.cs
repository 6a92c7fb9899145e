using SyncHub.Data.Entities;

namespace SyncHub.Web.Api;

// The JSON shapes of alerts.
public sealed record AlertResponse(
    long Id, string Rule, string Subject, string? Integration, AlertStatus Status, string Title, string? Detail,
    DateTimeOffset OpenedAt, DateTimeOffset UpdatedAt, DateTimeOffset? ResolvedAt, int Occurrences,
    DateTimeOffset? AcknowledgedAt, string? AcknowledgedBy, string? AcknowledgeNote);

/// <summary>Open alerts (all), or one page of resolved ones with their total and the next page's number.</summary>
public sealed record AlertListResponse(IReadOnlyList<AlertResponse> Items, int Total, int? NextPage);

public sealed record AcknowledgeRequest(string? Note);
