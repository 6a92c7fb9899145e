using Microsoft.Extensions.Logging;
using SyncHub.Connectors;

namespace SyncHub.Connectors.Sandbox;

/// <summary>
/// A simulated accounting/POS provider with no network: it answers after a configurable latency, fails on a
/// script or at configured rates the way real providers do, and deduplicates creates by idempotency key.
/// Look-ups answer from the same idempotency ledger, unless the setting <c>lookup</c> is <c>false</c>.
/// </summary>
public sealed class SandboxGateway : IConnectorGateway, IRecordLookup, IDuplicateResolver, IConnectorSource, ICredentialRefresh
{
    private readonly SandboxWriter _writer;
    private readonly SandboxLookup _lookup;
    private readonly SandboxSourceReader _source;
    private readonly SandboxCredentialRefresh _credentials;

    /// <summary>Creates the gateway; SyncHub calls this once when the plugin loads.</summary>
    public SandboxGateway(ConnectorServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var logger = services.Logging.CreateLogger<SandboxGateway>();
        var ledger = new IdempotencyLedger();
        _writer = new SandboxWriter(services, ledger, logger);
        _lookup = new SandboxLookup(services, ledger, logger);
        _source = new SandboxSourceReader(services);
        _credentials = new SandboxCredentialRefresh(logger);
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
    public Task<DeliveryOutcome> DeliverAsync(DeliveryRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _writer.DeliverAsync(request, cancellationToken);
    }

    /// <inheritdoc />
    public Task<DeliveryOutcome> LinkAsync(DeliveryRequest request, string externalId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Task.FromResult(_writer.Link(request, externalId));
    }

    /// <inheritdoc />
    public Task<LookupOutcome> LookupAsync(LookupRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _lookup.LookupAsync(request, cancellationToken);
    }

    /// <summary>Reads the simulated source: a deterministic stream of records that appear as time passes.</summary>
    public Task<SourcePage> ReadAsync(SourceQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        return Task.FromResult(_source.Read(query));
    }

    /// <inheritdoc />
    public Task<bool> RefreshCredentialsAsync(string integrationSlug, ConnectorSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return Task.FromResult(_credentials.Refresh(integrationSlug, settings));
    }
}
