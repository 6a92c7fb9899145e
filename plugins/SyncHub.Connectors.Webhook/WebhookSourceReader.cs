namespace SyncHub.Connectors.Webhook;

/// <summary>Reads one page of the integration's JSON feed (<c>sourceUrl</c>); see <see cref="WebhookFeed"/> for its shape.</summary>
internal sealed class WebhookSourceReader(ConnectorServices services)
{
    public async Task<SourcePage> ReadAsync(SourceQuery query, CancellationToken cancellationToken)
    {
        if (WebhookFeed.PageUrl(query.Settings, query) is not { } target)
        {
            return SourcePage.Failed(ErrorClass.ConnectorFault, "Webhook setting 'sourceUrl' is missing or is not an absolute http(s) URL, so this integration cannot be read from.");
        }

        using var message = WebhookRequestBuilder.BuildFeedRead(query.Settings, target);
        using var response = await services.Http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        var body = await WebhookResponseReader.ReadBodyAsync(response.Content, cancellationToken, WebhookFeed.MaxPageBytes);
        var status = (int)response.StatusCode;
        if (!response.IsSuccessStatusCode)
        {
            return SourcePage.Failed(HttpErrorClassifier.Classify(status), WebhookResponseReader.FailureMessage(response, body), status,
                WebhookResponseReader.RetryAfter(response, services.Time.GetUtcNow()));
        }

        return body.Length >= WebhookFeed.MaxPageBytes
            ? SourcePage.Failed(ErrorClass.SchemaMismatch, "The feed's page is larger than 8 MB; ask for smaller pages (limit).")
            : WebhookFeed.Parse(body);
    }
}
