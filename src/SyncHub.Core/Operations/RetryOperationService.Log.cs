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
}
