using System.Net.Http.Json;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Notifications.Senders;

/// <summary>POSTs the JSON payload (plain or Slack-shaped) to the channel's address; any 2xx answer is success.</summary>
public sealed class WebhookSender(IHttpClientFactory clients) : INotificationSender
{
    public const string ClientName = "SyncHub.Notifications";

    public bool Handles(NotificationChannelKind kind) => kind is NotificationChannelKind.Webhook or NotificationChannelKind.Slack;

    public async Task<NotificationSendResult> SendAsync(NotificationChannelKind kind, ChannelSettings settings, OutgoingNotification message, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(settings.Url, UriKind.Absolute, out var url))
        {
            return NotificationSendResult.Failed("The channel has no valid address.");
        }

        var payload = kind == NotificationChannelKind.Slack ? WebhookPayloads.Slack(message) : WebhookPayloads.Plain(message);
        var client = clients.CreateClient(ClientName);
        try
        {
            using var response = await client.PostAsJsonAsync(url, payload, cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                return NotificationSendResult.Ok;
            }

            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            var detail = string.IsNullOrWhiteSpace(body) ? "" : ": " + NotificationRenderer.Cut(body.Trim(), 200);
            return NotificationSendResult.Failed($"HTTP {(int)response.StatusCode} {response.ReasonPhrase}{detail}");
        }
        catch (HttpRequestException e)
        {
            // The message names the host, never the path or query where a token may be.
            return NotificationSendResult.Failed($"Could not reach {url.Host}: {e.HttpRequestError}");
        }
    }
}
