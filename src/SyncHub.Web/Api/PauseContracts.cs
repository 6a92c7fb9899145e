namespace SyncHub.Web.Api;

public sealed record PauseRequest(string? Reason);

public sealed record PauseResponse(string Slug, bool Paused, DateTimeOffset? PausedAt, string? PausedBy, string? Reason);
