using System.Net;
using Microsoft.Extensions.Logging;

namespace SyncHub.Connectors.Webhook;

/// <summary>
/// Reconciliation through the look-up URL: each record is looked up on its own (a webhook has no listing). A 2xx answer
/// whose body is a JSON object sharing fields with the body SyncHub would send is compared field by field; any other
/// 2xx answer only confirms that the receiver holds the record.
/// </summary>
internal sealed partial class WebhookDestination(ConnectorServices services, ILogger logger)
{
    private const int MaxLabelChars = 200;

    public static DestinationReadMode ReadMode(ConnectorSettings settings) =>
        WebhookLookupUrl.Template(settings) is { } template && WebhookLookupUrl.IsValid(template) ? DestinationReadMode.Lookup : DestinationReadMode.None;

    /// <summary>The receiver keys records on their source id; the compared fields are those of the body as sent.</summary>
    public static DestinationRecord Expect(DestinationSubject subject) =>
        new(subject.EntityType, subject.SourceId) { Fields = WebhookFields.Of(subject.Body) ?? [] };

    public async Task<DestinationFetch> FetchAsync(DestinationSubject subject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        if (WebhookLookupUrl.Template(subject.Settings) is not { } template)
        {
            return DestinationFetch.NotSupported();
        }

        if (subject.IdempotencyKey is null && WebhookLookupUrl.UsesIdempotencyKey(template))
        {
            // Looked up by a key it was never sent with: the receiver cannot hold it.
            return DestinationFetch.NotFound();
        }

        if (WebhookLookupUrl.Resolve(template, subject.IdempotencyKey ?? "", subject.SourceId, subject.EntityType) is not { } target)
        {
            return DestinationFetch.Failed(ErrorClass.ConnectorFault, "Webhook setting 'lookupUrl' is not an absolute http(s) URL.");
        }

        using var message = WebhookRequestBuilder.BuildLookup(subject.Settings, subject.IdempotencyKey, target);
        using var response = await services.Http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        var body = await WebhookResponseReader.ReadBodyAsync(response.Content, cancellationToken);
        var status = (int)response.StatusCode;
        LogFetched(subject.SourceId, subject.IntegrationSlug, status);
        if (response.IsSuccessStatusCode)
        {
            return DestinationFetch.Found(Held(subject, body));
        }

        return response.StatusCode == HttpStatusCode.NotFound
            ? DestinationFetch.NotFound()
            : DestinationFetch.Failed(HttpErrorClassifier.Classify(status), WebhookResponseReader.FailureMessage(response, body), status,
                WebhookResponseReader.RetryAfter(response, services.Time.GetUtcNow()));
    }

    private static DestinationRecord Held(DestinationSubject subject, byte[] body)
    {
        var held = WebhookFields.Of(body);
        var sent = WebhookFields.Of(subject.Body) ?? [];
        var comparable = held is not null && held.Keys.Any(sent.ContainsKey);
        return new DestinationRecord(subject.EntityType, subject.SourceId)
        {
            ExternalId = Clip(WebhookResponseReader.ExternalId(body)),
            Fields = comparable ? held : null,
        };
    }

    private static string? Clip(string? text) => text is null ? null : UntrustedText.Truncate(text, MaxLabelChars, marker: "");

    [LoggerMessage(Level = LogLevel.Debug, Message = "Webhook reconciliation look-up of {SourceId} of {Integration} answered HTTP {HttpStatus}")]
    private partial void LogFetched(string sourceId, string integration, int httpStatus);
}
