using SyncHub.Connectors;

namespace SyncHub.Core.Queries;

public sealed record LastError(ErrorClass ErrorClass, int? HttpStatus, string? Message, DateTimeOffset At);
