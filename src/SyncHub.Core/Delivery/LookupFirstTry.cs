using Microsoft.Extensions.Logging;
using SyncHub.Connectors;
using SyncHub.Core.Redaction;
using SyncHub.Core.Retries;

namespace SyncHub.Core.Delivery;

/// <summary>
/// One try inside an integration's pipeline: while a record's outcome is unknown (an earlier send may have landed),
/// look it up at the destination first and send only when it is not there.
/// </summary>
public sealed partial class LookupFirstTry(ILogger<LookupFirstTry> logger)
{
    internal async Task<DeliveryOutcome> DeliverAsync(IConnectorGateway gateway, DeliveryRequest request, ResendGuard guard, CancellationToken cancellationToken)
    {
        if (guard.OutcomeUnknown && gateway is IRecordLookup lookup)
        {
            // Until the look-up answers, a timeout or a throw leaves the outcome unknown.
            guard.Step = LookupStep.Failed;
            var found = await LookUpAsync(gateway, lookup, request, cancellationToken);
            if (found.IsFound)
            {
                guard.Step = LookupStep.Found;
                guard.OutcomeUnknown = false;
                LogFoundByLookup(request.RecordId, request.IntegrationSlug);
                return DeliveryOutcome.Delivered(found.ExternalId);
            }

            if (found.ErrorClass != ErrorClass.None)
            {
                // Whatever stopped the look-up (an error status, a body it could not read, a proxy's page answering
                // for the destination), it says nothing about the record: the attempt failed transiently and is
                // retried with backoff. Its own class would skip the record or park it for a person.
                LogLookupFailed(request.RecordId, request.IntegrationSlug, found.ErrorClass, found.HttpStatus);
                return DeliveryOutcome.Failed(ErrorClass.Transient, found.Message ?? ErrorClassPolicy.Label(found.ErrorClass), found.HttpStatus);
            }

            guard.Step = LookupStep.None;
            LogNotFoundByLookup(request.RecordId, request.IntegrationSlug, found.IsNotSupported);
        }

        // Sent: until an answer arrives, the record may have landed.
        guard.OutcomeUnknown = true;
        var outcome = await gateway.DeliverAsync(request, cancellationToken);
        guard.OutcomeUnknown = outcome is { IsDelivered: false } && ErrorClassPolicy.For(outcome.ErrorClass).LookUpFirst;
        return outcome;
    }

    /// <summary>Calls the connector's look-up; a throw (other than timeouts and connection failures, which the pipeline handles) is a failed look-up.</summary>
    private async Task<LookupOutcome> LookUpAsync(IConnectorGateway gateway, IRecordLookup lookup, DeliveryRequest request, CancellationToken cancellationToken)
    {
        try
        {
            var outcome = await lookup.LookupAsync(
                new LookupRequest
                {
                    RecordId = request.RecordId,
                    IntegrationSlug = request.IntegrationSlug,
                    EntityType = request.EntityType,
                    SourceId = request.SourceId,
                    IdempotencyKey = request.IdempotencyKey,
                    Settings = request.Settings,
                },
                cancellationToken);
            return outcome ?? LookupOutcome.Failed(ErrorClass.ConnectorFault, $"Connector '{gateway.Info.Name}' returned no look-up outcome.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not HttpRequestException)
        {
            // The outcome's text is redacted with every other answer; the log gets its own redacted copy.
            var redactor = ProviderTextRedactor.For(gateway.Info.Settings, request.Settings);
            LogConnectorThrewOnLookup(new RedactedException(ex, redactor), gateway.Info.Name, request.RecordId, request.IntegrationSlug);
            return LookupOutcome.Failed(ErrorClass.ConnectorFault, $"The connector's look-up failed: {ex.GetType().Name}: {ex.Message}");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Record {RecordId} of {Integration} was found at the destination by look-up; not sent again")]
    private partial void LogFoundByLookup(long recordId, string integration);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Record {RecordId} of {Integration} was not found by look-up (look-up not supported: {NotSupported}); sending it")]
    private partial void LogNotFoundByLookup(long recordId, string integration, bool notSupported);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Look-up of record {RecordId} of {Integration} failed with {ErrorClass} (HTTP {HttpStatus}); its outcome stays unknown and the attempt is retried")]
    private partial void LogLookupFailed(long recordId, string integration, ErrorClass errorClass, int? httpStatus);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Connector {Connector} threw while looking up record {RecordId} of {Integration}")]
    private partial void LogConnectorThrewOnLookup(Exception exception, string connector, long recordId, string integration);
}
