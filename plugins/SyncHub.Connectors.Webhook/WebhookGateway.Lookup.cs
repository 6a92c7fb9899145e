using System.Net;
using SyncHub.Connectors;

namespace SyncHub.Connectors.Webhook;

public sealed partial class WebhookGateway : IRecordLookup
{
    private const int MaxExternalIdChars = 200;

    /// <summary>
    /// GETs the integration's <c>lookupUrl</c>: a success means the destination holds the record (its id from
    /// the JSON body's <c>id</c>, if any), 404 means it does not, anything else is classified like a delivery.
    /// Without a <c>lookupUrl</c> the look-up is not supported and SyncHub sends as usual.
    /// </summary>
    public async Task<LookupOutcome> LookupAsync(LookupRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (WebhookLookupUrl.Template(request.Settings) is not { } template)
        {
            return LookupOutcome.NotSupported();
        }

        if (WebhookLookupUrl.Resolve(template, request) is not { } target)
        {
            return LookupOutcome.Failed(ErrorClass.ConnectorFault, "Webhook setting 'lookupUrl' is not an absolute http(s) URL.");
        }

        using var message = WebhookRequestBuilder.BuildLookup(request, target);
        using var response = await _services.Http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        var body = await WebhookResponseReader.ReadBodyAsync(response.Content, cancellationToken);
        var status = (int)response.StatusCode;
        LogLookedUp(request.RecordId, request.IntegrationSlug, status);
        if (response.IsSuccessStatusCode)
        {
            return LookupOutcome.Found(Truncate(WebhookResponseReader.ExternalId(body)));
        }

        return response.StatusCode == HttpStatusCode.NotFound
            ? LookupOutcome.NotFound()
            : LookupOutcome.Failed(HttpErrorClassifier.Classify(status), WebhookResponseReader.FailureMessage(response, body), status);
    }

    /// <summary>The destination's id is untrusted: keep at most 200 characters, never half a surrogate pair.</summary>
    private static string? Truncate(string? externalId)
    {
        if (externalId is null || externalId.Length <= MaxExternalIdChars)
        {
            return externalId;
        }

        var cut = char.IsHighSurrogate(externalId[MaxExternalIdChars - 1]) ? MaxExternalIdChars - 1 : MaxExternalIdChars;
        return externalId[..cut];
    }
}
