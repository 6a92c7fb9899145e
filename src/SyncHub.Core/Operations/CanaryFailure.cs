using SyncHub.Connectors;

namespace SyncHub.Core.Operations;

/// <summary>The error the canary failed with again.</summary>
internal sealed record CanaryFailure(ErrorClass ErrorClass, int? HttpStatus);
