using SyncHub.Core.Breakers;

namespace SyncHub.Web.Api;

/// <summary>A connection circuit breaker in the API: <c>closed</c>, <c>open</c> or <c>halfOpen</c>, and when an open one probes next.</summary>
public sealed record BreakerResponse(BreakerState State, DateTimeOffset? NextProbeAt, int ConsecutiveFailures);
