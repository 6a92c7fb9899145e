using System.Globalization;
using Scriban.Runtime;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Notifications;

/// <summary>What a notification template can read. Every text in it may come from outside (error messages, names).</summary>
public sealed record NotificationModel(
    NotificationEventKinds Kind, string Title, string Detail, string? Integration, string? Subject, int Count,
    DateTimeOffset FirstAt, DateTimeOffset LastAt, string? Link)
{
    /// <summary>The event's name in templates and webhook payloads: <c>dead-lettered</c>, <c>alert-opened</c> ...</summary>
    public string EventName => EventNames.For(Kind);

    public ScriptObject ToScript() => new()
    {
        ["event"] = EventName,
        ["title"] = Title,
        ["detail"] = Detail,
        ["integration"] = Integration,
        ["subject"] = Subject,
        ["count"] = Count,
        ["first_at"] = FirstAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        ["last_at"] = LastAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        ["link"] = Link,
    };

    /// <summary>A model with sample values, to try a template out when it is saved.</summary>
    public static NotificationModel Sample(DateTimeOffset now) => new(
        NotificationEventKinds.DeadLettered, "Records became dead letters", "Provider said no (HTTP 500).", "books", null, 3, now.AddMinutes(-5), now, "/failed?tab=dead-letter");
}
