using Microsoft.Extensions.Logging;
using SyncHub.Connectors;

namespace SyncHub.Core.Operations;

public sealed partial class RetryOperationService
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Retry operation {OperationId}: canary record {RecordId} failed again with {ErrorClass}")]
    private partial void LogCanaryFailed(Guid operationId, long recordId, ErrorClass errorClass);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Retry operation {OperationId} stopped after its canary failed again with {ErrorClass}; {Untouched} records released untouched")]
    private partial void LogStopped(Guid operationId, ErrorClass errorClass, int untouched);

    [LoggerMessage(Level = LogLevel.Information, Message = "Retry operation {OperationId} cancelled by {Actor}; {Untouched} records released untouched")]
    private partial void LogCancelled(Guid operationId, string actor, int untouched);

    [LoggerMessage(Level = LogLevel.Information, Message = "Retry operation {OperationId} taken over by node {NodeId}")]
    private partial void LogTakenOver(Guid operationId, string nodeId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Retry operation {OperationId} is driven by live node {OwnerNode}; left to it")]
    private partial void LogOwnedElsewhere(Guid operationId, string? ownerNode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Retry operation {OperationId} was taken over by another node after this node's lease ran out; this node stops driving it")]
    private partial void LogTakenOverElsewhere(Guid operationId);
}
