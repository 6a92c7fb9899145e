using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace SyncHub.Connectors.Sandbox;

/// <summary>
/// Accepts records after the configured latency, or fails them on the script or at the configured rates the way real
/// providers do; creates are deduplicated by idempotency key in the shared ledger.
/// </summary>
internal sealed partial class SandboxWriter(ConnectorServices services, IdempotencyLedger ledger, ILogger logger)
{
    private readonly ScriptBook _scripts = new();
    private readonly FaultDice _dice = new();

    public async Task<DeliveryOutcome> DeliverAsync(DeliveryRequest request, CancellationToken cancellationToken)
    {
        if (!SandboxSettings.TryParse(request.Settings, out var settings, out var error))
        {
            return DeliveryOutcome.Failed(ErrorClass.ConnectorFault, error);
        }

        if (!IsJsonObject(request.Body))
        {
            return DeliveryOutcome.Failed(ErrorClass.Validation, "Body must be a JSON object");
        }

        if (settings.Latency > TimeSpan.Zero)
        {
            await Task.Delay(settings.Latency, services.Time, cancellationToken);
        }

        // The script wins while it lasts; after that the configured rates decide.
        var entry = _scripts.Next(request.IntegrationSlug, settings) ?? _dice.Roll(request.IntegrationSlug, settings);
        if (entry is not null && SandboxFaults.IsDuplicate(entry))
        {
            // After a review decided "keep apart", or with duplicate detection off, the record is simply created.
            if (!request.SkipDuplicateCheck)
            {
                LogSimulatedFault(entry, ErrorClass.Duplicate, request.RecordId, request.IntegrationSlug);
                return SandboxDuplicates.Outcome(request);
            }
        }
        else if (entry is not null && !SandboxFaults.IsDelivery(entry))
        {
            if (SandboxFaults.IsLostResponse(entry))
            {
                // Saved at the "provider", answer lost on the way back: only a look-up can tell it arrived.
                var (savedId, _) = ledger.Accept(request.IdempotencyKey);
                LogLostResponse(request.RecordId, request.IntegrationSlug, savedId);
            }

            var outcome = SandboxFaults.ToOutcome(entry, settings.RetryAfter);
            LogSimulatedFault(entry, outcome.ErrorClass, request.RecordId, request.IntegrationSlug);
            return outcome;
        }

        var (externalId, created) = ledger.Accept(request.IdempotencyKey);
        LogAccepted(request.RecordId, request.IntegrationSlug, externalId, created);
        return DeliveryOutcome.Delivered(externalId, created ? 201 : 200);
    }

    /// <summary>Links the record to the sandbox record an administrator chose.</summary>
    public DeliveryOutcome Link(DeliveryRequest request, string externalId)
    {
        var linked = ledger.Link(request.IdempotencyKey, externalId);
        return DeliveryOutcome.Linked(linked, $"Linked to sandbox record {linked} (simulated).", 200);
    }

    private static bool IsJsonObject(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Sandbox simulated {Fault} ({ErrorClass}) for record {RecordId} of {Integration}")]
    private partial void LogSimulatedFault(string fault, ErrorClass errorClass, long recordId, string integration);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Sandbox accepted record {RecordId} of {Integration} as {ExternalId} (new: {Created})")]
    private partial void LogAccepted(long recordId, string integration, string externalId, bool created);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Sandbox saved record {RecordId} of {Integration} as {ExternalId} but simulated a lost response")]
    private partial void LogLostResponse(long recordId, string integration, string externalId);
}
