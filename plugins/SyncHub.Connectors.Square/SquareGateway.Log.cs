using Microsoft.Extensions.Logging;
using SyncHub.Connectors;

namespace SyncHub.Connectors.Square;

public sealed partial class SquareGateway
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "Square {Action} the customer of record {RecordId} of {Integration} with HTTP {HttpStatus}")]
    private partial void LogDelivered(long recordId, string integration, string action, int httpStatus);

    [LoggerMessage(Level = LogLevel.Information, Message = "Square refused record {RecordId} of {Integration} with HTTP {HttpStatus} ({ErrorClass})")]
    private partial void LogRefused(long recordId, string integration, int httpStatus, ErrorClass errorClass);

    [LoggerMessage(Level = LogLevel.Information, Message = "Square holds {Count} possible duplicates of record {RecordId} of {Integration}")]
    private partial void LogPotentialDuplicate(long recordId, string integration, int count);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Square look-up of record {RecordId} of {Integration} answered HTTP {HttpStatus}")]
    private partial void LogLookedUp(long recordId, string integration, int httpStatus);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Square keeps {Points} points for record {RecordId} of {Integration}")]
    private partial void LogPointsKept(long recordId, string integration, long points);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Square connection test of {Integration} answered HTTP {HttpStatus}")]
    private partial void LogConnectionTested(string integration, int httpStatus);
}
