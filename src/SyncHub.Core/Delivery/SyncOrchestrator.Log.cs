using Microsoft.Extensions.Logging;
using SyncHub.Connectors;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Delivery;

public sealed partial class SyncOrchestrator
{
    /// <summary>The scope of one record's attempt: its lines carry RecordId, Integration and Trigger as properties.</summary>
    private static readonly Func<ILogger, long, string, AttemptTrigger, IDisposable?> RecordScope =
        LoggerMessage.DefineScope<long, string, AttemptTrigger>("Record {RecordId} of {Integration} ({Trigger})");

    [LoggerMessage(Level = LogLevel.Information, Message = "Record {RecordId} of {Integration}: {Trigger} finished with {ErrorClass} (HTTP {HttpStatus})")]
    private partial void LogCompleted(long recordId, string integration, AttemptTrigger trigger, ErrorClass errorClass, int? httpStatus);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Record {RecordId} was no longer held by this worker when its attempt finished; result not applied")]
    private partial void LogClaimLost(long recordId);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} records wait for their parent record to be delivered first")]
    private partial void LogBlocked(int count);
}
