using System.Text.Json;
using Microsoft.Extensions.Logging;
using SyncHub.Connectors;

namespace SyncHub.Connectors.Sandbox;

/// <summary>
/// A simulated accounting/POS provider with no network: it answers after a configurable latency, fails on a
/// script or at configured rates the way real providers do, and deduplicates creates by idempotency key.
/// Look-ups answer from the same idempotency ledger, unless the setting <c>lookup</c> is <c>false</c>.
/// </summary>
public sealed partial class SandboxGateway : IConnectorGateway, IRecordLookup
{
    private readonly ConnectorServices _services;
    private readonly ILogger _logger;
    private readonly ScriptBook _scripts = new();
    private readonly FaultDice _dice = new();
    private readonly IdempotencyLedger _ledger = new();

    /// <summary>Creates the gateway; SyncHub calls this once when the plugin loads.</summary>
    public SandboxGateway(ConnectorServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        _services = services;
        _logger = services.Logging.CreateLogger<SandboxGateway>();
    }

    /// <inheritdoc />
    public ConnectorInfo Info { get; } = new("sandbox", "Sandbox", "1.0.0")
    {
        Settings =
        [
            new("latencyMs", "Latency (ms)") { Kind = SettingKind.Number, Help = "How long each simulated call takes.", Default = "0" },
            new("retryAfterSeconds", "Retry-After (seconds)") { Kind = SettingKind.Number, Help = "What a simulated 429 asks SyncHub to wait.", Default = "30" },
            new("lookup", "Answer look-ups") { Kind = SettingKind.Boolean, Help = "Off makes look-ups unsupported.", Default = "true" },
            new("seed", "Random seed") { Kind = SettingKind.Number, Help = "Optional: makes simulated failure rates repeatable." },
            new("failureRates", "Failure rates") { Kind = SettingKind.Json, Help = "Optional: share of calls per fault, e.g. {\"503\": 0.1, \"timeout\": 0.05}." },
            new("script", "Fault script") { Kind = SettingKind.Json, Help = "Optional: one answer per call, e.g. [\"503\", \"ok\"]." },
            new("refresh", "Credential refresh") { Help = "Optional: \"fail\" makes credential refresh fail." },
            new("source", "Source") { Kind = SettingKind.Json, Help = "Optional: the simulated source, e.g. {\"records\": 100, \"everyMinutes\": 60}." },
        ],
    };

    /// <inheritdoc />
    public async Task<DeliveryOutcome> DeliverAsync(DeliveryRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
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
            await Task.Delay(settings.Latency, _services.Time, cancellationToken);
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
                var (savedId, _) = _ledger.Accept(request.IdempotencyKey);
                LogLostResponse(request.RecordId, request.IntegrationSlug, savedId);
            }

            var outcome = SandboxFaults.ToOutcome(entry, settings.RetryAfter);
            LogSimulatedFault(entry, outcome.ErrorClass, request.RecordId, request.IntegrationSlug);
            return outcome;
        }

        var (externalId, created) = _ledger.Accept(request.IdempotencyKey);
        LogAccepted(request.RecordId, request.IntegrationSlug, externalId, created);
        return DeliveryOutcome.Delivered(externalId, created ? 201 : 200);
    }

    /// <inheritdoc />
    public async Task<LookupOutcome> LookupAsync(LookupRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!SandboxSettings.TryParse(request.Settings, out var settings, out var error))
        {
            return LookupOutcome.Failed(ErrorClass.ConnectorFault, error);
        }

        if (!settings.LookupEnabled)
        {
            return LookupOutcome.NotSupported();
        }

        if (settings.Latency > TimeSpan.Zero)
        {
            await Task.Delay(settings.Latency, _services.Time, cancellationToken);
        }

        var externalId = _ledger.Find(request.IdempotencyKey);
        LogLookedUp(request.RecordId, request.IntegrationSlug, externalId);
        return externalId is null ? LookupOutcome.NotFound() : LookupOutcome.Found(externalId);
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
}
