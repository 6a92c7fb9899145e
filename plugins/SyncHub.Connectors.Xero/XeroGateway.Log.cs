using Microsoft.Extensions.Logging;
using SyncHub.Connectors;

namespace SyncHub.Connectors.Xero;

public sealed partial class XeroGateway
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "Xero accepted {EntityType} record {RecordId} of {Integration} as {ExternalId}")]
    private partial void LogDelivered(long recordId, string integration, string entityType, string? externalId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Xero refused {EntityType} record {RecordId} of {Integration} with HTTP {HttpStatus} ({ErrorClass})")]
    private partial void LogRefused(long recordId, string integration, string entityType, int? httpStatus, ErrorClass errorClass);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Xero look-up of {EntityType} record {RecordId} of {Integration}: found {Found}, HTTP {HttpStatus}")]
    private partial void LogLookedUp(long recordId, string integration, string entityType, bool found, int httpStatus);
}
