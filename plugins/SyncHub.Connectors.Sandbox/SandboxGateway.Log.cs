using Microsoft.Extensions.Logging;
using SyncHub.Connectors;

namespace SyncHub.Connectors.Sandbox;

public sealed partial class SandboxGateway
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "Sandbox simulated {Fault} ({ErrorClass}) for record {RecordId} of {Integration}")]
    private partial void LogSimulatedFault(string fault, ErrorClass errorClass, long recordId, string integration);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Sandbox accepted record {RecordId} of {Integration} as {ExternalId} (new: {Created})")]
    private partial void LogAccepted(long recordId, string integration, string externalId, bool created);
}
