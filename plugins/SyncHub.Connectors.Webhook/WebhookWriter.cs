using Microsoft.Extensions.Logging;

namespace SyncHub.Connectors.Webhook;

/// <summary>
/// POSTs a record as JSON to the integration's <c>url</c>, with an <c>Idempotency-Key</c> header and any extra
/// <c>headers</c> from the settings, and says what the receiver answered.
/// </summary>
internal sealed partial class WebhookWriter(ConnectorServices services, ILogger logger)
{
    public async Task<DeliveryOutcome> DeliverAsync(DeliveryRequest request, CancellationToken cancellationToken)
    {
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
        using var response = await services.Http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
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
            WebhookResponseReader.RetryAfter(response, services.Time.GetUtcNow()));
        LogRefused(request.RecordId, request.IntegrationSlug, status, outcome.ErrorClass);
        return outcome;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Webhook accepted record {RecordId} of {Integration} with HTTP {HttpStatus}")]
    private partial void LogDelivered(long recordId, string integration, int httpStatus);

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook refused record {RecordId} of {Integration} with HTTP {HttpStatus} ({ErrorClass})")]
    private partial void LogRefused(long recordId, string integration, int httpStatus, ErrorClass errorClass);
}
