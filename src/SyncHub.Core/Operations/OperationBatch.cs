using SyncHub.Core.Delivery;

namespace SyncHub.Core.Operations;

/// <summary>What one step of an operation tried; <see cref="CanaryFailure"/> set when the canary failed as before.</summary>
internal readonly record struct OperationBatch(BatchResult Batch, CanaryFailure? CanaryFailure);
