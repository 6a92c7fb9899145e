using SyncHub.Data.Entities;

namespace SyncHub.Core.Operations;

/// <summary>What a cancel request did: <see cref="Cancelled"/> is false when the operation had already ended (or is unknown).</summary>
public readonly record struct OperationCancelResult(bool Cancelled, RetryOperation? Operation);
