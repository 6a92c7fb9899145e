using Microsoft.Extensions.Logging;
using SyncHub.Connectors;

namespace SyncHub.Connectors.Webhook;

/// <summary>
/// Delivers each record as a JSON POST to the integration's <c>url</c>, with an <c>Idempotency-Key</c> header
/// and any extra <c>headers</c> from the settings. Connection failures and cancellation are left to SyncHub.
/// With a <c>lookupUrl</c> it can also tell whether the destination already holds a record (see <see cref="LookupAsync"/>),
/// which also lets SyncHub reconcile the integration record by record (see <see cref="FetchAsync"/>).
/// </summary>
public sealed class WebhookGateway : IConnectorGateway, IDestinationReader, IRecordLookup, IConnectorSource
{
    private readonly WebhookWriter _writer;
    private readonly WebhookLookup _lookup;
    private readonly WebhookSourceReader _source;
    private readonly WebhookDestination _destination;

    /// <summary>Creates the gateway; SyncHub calls this once when the plugin loads.</summary>
    public WebhookGateway(ConnectorServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var logger = services.Logging.CreateLogger<WebhookGateway>();
        _writer = new WebhookWriter(services, logger);
        _lookup = new WebhookLookup(services, logger);
        _source = new WebhookSourceReader(services);
        _destination = new WebhookDestination(services, logger);
    }

    /// <inheritdoc />
    public ConnectorInfo Info { get; } = new("webhook", "Webhook", "1.0.0")
    {
        Settings =
        [
            new("url", "Delivery URL") { Kind = SettingKind.Url, Required = true, Help = "Each record is POSTed here as JSON." },
            new(WebhookLookupUrl.Setting, "Look-up URL")
            {
                Kind = SettingKind.Url,
                Help = "Optional: where to ask whether a record arrived; {idempotencyKey}, {sourceId} and {entityType} are filled in.",
            },
            new("sourceUrl", "Source feed URL") { Kind = SettingKind.Url, Help = "Optional: a JSON feed of records that sync runs read from." },
            new(WebhookRequestBuilder.HeadersSetting, "Extra headers")
            {
                Kind = SettingKind.Json,
                Secret = true,
                Help = "Optional: request headers as a JSON object, e.g. {\"Authorization\": \"Bearer …\"}. Write-only: every value is treated as a credential.",
            },
        ],
    };

    /// <inheritdoc />
    public Task<DeliveryOutcome> DeliverAsync(DeliveryRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _writer.DeliverAsync(request, cancellationToken);
    }

    /// <summary>
    /// GETs the integration's <c>lookupUrl</c>: a success means the destination holds the record (its id from
    /// the JSON body's <c>id</c>, if any), 404 means it does not, anything else is classified like a delivery.
    /// Without a <c>lookupUrl</c> the look-up is not supported and SyncHub sends as usual.
    /// </summary>
    public Task<LookupOutcome> LookupAsync(LookupRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _lookup.LookupAsync(request, cancellationToken);
    }

    /// <summary>Reads one page of the integration's JSON feed (<c>sourceUrl</c>); see <see cref="WebhookFeed"/> for its shape.</summary>
    public Task<SourcePage> ReadAsync(SourceQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        return _source.ReadAsync(query, cancellationToken);
    }

    /// <summary>Records are looked up one by one through the <c>lookupUrl</c>; without one the destination cannot be read.</summary>
    public DestinationReadMode ReadMode(ConnectorSettings settings) => WebhookDestination.ReadMode(settings);

    /// <summary>
    /// True: a record sent again carries a new idempotency key and the whole mapped body, which a receiver keyed on the
    /// record's source id applies as an update.
    /// </summary>
    public bool ResendReplaces(string entityType) => true;

    /// <inheritdoc />
    public DestinationRecord? Expect(DestinationSubject subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        return WebhookDestination.Expect(subject);
    }

    /// <summary>A webhook has no listing: its integrations reconcile by look-up (<see cref="FetchAsync"/>).</summary>
    public Task<DestinationPage> ListAsync(DestinationQuery query, CancellationToken cancellationToken) =>
        Task.FromResult(DestinationPage.Failed(ErrorClass.ConnectorFault, "A webhook cannot list what its receiver holds; records are looked up one by one."));

    /// <summary>
    /// GETs the <c>lookupUrl</c> for the record: 2xx holds it (a JSON object body is compared field by field with the body
    /// SyncHub would send), 404 does not, anything else is classified like a delivery.
    /// </summary>
    public Task<DestinationFetch> FetchAsync(DestinationSubject subject, CancellationToken cancellationToken) =>
        _destination.FetchAsync(subject, cancellationToken);
}
