using System.Text.Json.Nodes;

namespace SyncHub.Core.Notifications.Senders;

/// <summary>The two JSON shapes a webhook channel posts: SyncHub's own, and Slack's incoming-webhook shape.</summary>
public static class WebhookPayloads
{
    public static JsonObject Plain(OutgoingNotification message) => new()
    {
        ["event"] = message.Model.EventName,
        ["subject"] = message.Subject,
        ["text"] = message.Body,
        ["count"] = message.Model.Count,
        ["integration"] = message.Model.Integration,
        ["firstAt"] = message.Model.FirstAt,
        ["lastAt"] = message.Model.LastAt,
        ["link"] = message.Model.Link,
    };

    /// <summary>Slack reads <c>text</c> as mrkdwn: <c>&lt;</c>, <c>&gt;</c> and <c>&amp;</c> in outside text are escaped so they cannot form links or mentions.</summary>
    public static JsonObject Slack(OutgoingNotification message)
    {
        var text = $"*{EscapeSlack(message.Subject)}*\n{EscapeSlack(message.Body)}";
        return new JsonObject
        {
            ["text"] = text,
            ["blocks"] = new JsonArray(new JsonObject
            {
                ["type"] = "section",
                ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = NotificationRenderer.Cut(text, 3000) },
            }),
        };
    }

    public static string EscapeSlack(string text) => text.Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
}
