using Microsoft.Extensions.Logging;
using SyncHub.Connectors;

namespace SyncHub.Connectors.Webhook;

/// <summary>
/// Delivers each record as a JSON POST to the integration's <c>url</c>, with an <c>Idempotency-Key</c> header
/// and any extra <c>headers</c> from the settings. Connection failures and cancellation are left to SyncHub.
/// With a <c>lookupUrl</c> it can also tell whether the destination already holds a record (see <see cref="LookupAsync"/>),
/// which also lets SyncHub reconcile the integration record by record (see <see cref="FetchAsync"/>).
/// </summary>
public sealed partial class WebhookGateway : IConnectorGateway, IDestinationReader
{
    private readonly ConnectorServices _services;
    private readonly ILogger _logger;
    private readonly WebhookDestination _destination;

    /// <summary>Creates the gateway; SyncHub calls this once when the plugin loads.</summary>
    public WebhookGateway(ConnectorServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        _services = services;
        _logger = services.Logging.CreateLogger<WebhookGateway>();
        _destination = new WebhookDestination(services, _logger);
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
    public async Task<DeliveryOutcome> DeliverAsync(DeliveryRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var target = WebhookRequestBuilder.TargetUrl(request.Settings);
        if (target is null)
        {
            return DeliveryOutcome.Failed(ErrorClass.ConnectorFault, "Webhook setting 'url' is missing or is not an absolute http(s) URL.");
        }

        // A broken look-up URL would only show after a timeout, when it is needed most: refuse to send without it.
        if (WebhookLookupUrl.Template(request.Settings) is { } lookup && !WebhookLookupUrl.IsValid(lookup))
        {
            return DeliveryOutcome.Failed(ErrorClass.ConnectorFault, "Webhook setting 'lookupUrl' is not an absolute http(s) URL.");
        }

        using var message = WebhookRequestBuilder.Build(request, target);
        using var response = await _services.Http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        var body = await WebhookResponseReader.ReadBodyAsync(response.Content, cancellationToken);
        var status = (int)response.StatusCode;
        if (response.IsSuccessStatusCode)
        {
            LogDelivered(request.RecordId, request.IntegrationSlug, status);
            return DeliveryOutcome.Delivered(WebhookResponseReader.ExternalId(body), status);
        }

        var outcome = DeliveryOutcome.FromHttpStatus(
            status,
            WebhookResponseReader.FailureMessage(response, body),
            WebhookResponseReader.RetryAfter(response, _services.Time.GetUtcNow()));
        LogRefused(request.RecordId, request.IntegrationSlug, status, outcome.ErrorClass);
        return outcome;
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
