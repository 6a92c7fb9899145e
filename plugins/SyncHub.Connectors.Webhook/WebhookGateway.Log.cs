using Microsoft.Extensions.Logging;
using SyncHub.Connectors;

namespace SyncHub.Connectors.Webhook;

public sealed partial class WebhookGateway
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "Webhook accepted record {RecordId} of {Integration} with HTTP {HttpStatus}")]
    private partial void LogDelivered(long recordId, string integration, int httpStatus);

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook refused record {RecordId} of {Integration} with HTTP {HttpStatus} ({ErrorClass})")]
    private partial void LogRefused(long recordId, string integration, int httpStatus, ErrorClass errorClass);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Webhook look-up of record {RecordId} of {Integration} answered HTTP {HttpStatus}")]
    private partial void LogLookedUp(long recordId, string integration, int httpStatus);
}
