using System.Net;
using Microsoft.Extensions.Logging;

namespace SyncHub.Connectors.Webhook;

/// <summary>
/// GETs the integration's <c>lookupUrl</c>: a success means the destination holds the record (its id from
/// the JSON body's <c>id</c>, if any), 404 means it does not, anything else is classified like a delivery.
/// Without a <c>lookupUrl</c> the look-up is not supported and SyncHub sends as usual.
/// </summary>
internal sealed partial class WebhookLookup(ConnectorServices services, ILogger logger)
{
    private const int MaxExternalIdChars = 200;

    public async Task<LookupOutcome> LookupAsync(LookupRequest request, CancellationToken cancellationToken)
    {
        if (WebhookLookupUrl.Template(request.Settings) is not { } template)
        {
            return LookupOutcome.NotSupported();
        }

        if (WebhookLookupUrl.Resolve(template, request) is not { } target)
        {
            return LookupOutcome.Failed(ErrorClass.ConnectorFault, "Webhook setting 'lookupUrl' is not an absolute http(s) URL.");
        }

        using var message = WebhookRequestBuilder.BuildLookup(request, target);
        using var response = await services.Http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        var body = await WebhookResponseReader.ReadBodyAsync(response.Content, cancellationToken);
        var status = (int)response.StatusCode;
        LogLookedUp(request.RecordId, request.IntegrationSlug, status);
        if (response.IsSuccessStatusCode)
        {
            // The destination's id is untrusted: at most 200 characters, never half a surrogate pair.
            var id = WebhookResponseReader.ExternalId(body);
            return LookupOutcome.Found(id is null ? null : UntrustedText.Truncate(id, MaxExternalIdChars, marker: ""));
        }

        return response.StatusCode == HttpStatusCode.NotFound
            ? LookupOutcome.NotFound()
            : LookupOutcome.Failed(HttpErrorClassifier.Classify(status), WebhookResponseReader.FailureMessage(response, body), status);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Webhook look-up of record {RecordId} of {Integration} answered HTTP {HttpStatus}")]
    private partial void LogLookedUp(long recordId, string integration, int httpStatus);
}
