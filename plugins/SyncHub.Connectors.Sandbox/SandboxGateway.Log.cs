using Microsoft.Extensions.Logging;
using SyncHub.Connectors;

namespace SyncHub.Connectors.Sandbox;

public sealed partial class SandboxGateway
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "Sandbox simulated {Fault} ({ErrorClass}) for record {RecordId} of {Integration}")]
    private partial void LogSimulatedFault(string fault, ErrorClass errorClass, long recordId, string integration);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Sandbox accepted record {RecordId} of {Integration} as {ExternalId} (new: {Created})")]
    private partial void LogAccepted(long recordId, string integration, string externalId, bool created);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Sandbox saved record {RecordId} of {Integration} as {ExternalId} but simulated a lost response")]
    private partial void LogLostResponse(long recordId, string integration, string externalId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Sandbox looked up record {RecordId} of {Integration}: {ExternalId}")]
    private partial void LogLookedUp(long recordId, string integration, string? externalId);
}
