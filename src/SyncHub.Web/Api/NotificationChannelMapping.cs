using SyncHub.Core.Notifications;
using SyncHub.Data.Entities;

namespace SyncHub.Web.Api;

/// <summary>Between the API's channel shapes and the notification page's service: events as a list, not flags.</summary>
internal static class NotificationChannelMapping
{
    private static readonly NotificationEventKinds[] Single =
        [.. Enum.GetValues<NotificationEventKinds>().Where(kind => kind != NotificationEventKinds.None && (NotificationEventKinds.All & kind) == kind && int.PopCount((int)kind) == 1)];

    /// <summary>The service's request: the body's fields over the channel's current ones (none for a new channel).</summary>
    public static ChannelRequest ToRequest(NotificationChannelBody body, NotificationChannel? current, ChannelSettings? settings) =>
        new(current?.Id, body.Name ?? current?.Name ?? "", body.Kind ?? current?.Kind ?? (NotificationChannelKind)(-1), body.Enabled ?? current?.Enabled ?? true,
            body.Events is { } events ? events.Aggregate(NotificationEventKinds.None, (all, kind) => all | kind) : current?.Events ?? NotificationEventKinds.All,
            body.ThrottleMinutes ?? current?.ThrottleMinutes ?? 15,
            body.SubjectTemplate ?? current?.SubjectTemplate, body.BodyTemplate ?? current?.BodyTemplate)
        {
            Url = body.Url,
            Host = body.Host ?? settings?.Host,
            Port = body.Port ?? settings?.Port ?? 587,
            Security = body.Security ?? settings?.Security ?? SmtpSecurity.StartTls,
            Username = body.Username ?? settings?.Username,
            Password = body.Password,
            ClearPassword = body.ClearPassword == true,
            From = body.From ?? settings?.From,
            To = body.To is { } to ? string.Join(", ", to) : settings is null ? null : string.Join(", ", settings.To),
        };

    public static NotificationChannelResponse ToResponse(ChannelSummary summary, NotificationChannelService channels)
    {
        var channel = summary.Channel;
        var settings = channels.ReadPublic(channel);
        return new NotificationChannelResponse(
            channel.Id, channel.Name, channel.Kind, channel.Enabled, [.. Single.Where(kind => channel.Events.HasFlag(kind))], channel.ThrottleMinutes,
            channel.SubjectTemplate, channel.BodyTemplate, channels.MaskedUrl(channel) is { Length: > 0 } masked ? masked : null,
            channels.StoredSecrets(channel).Password, settings.Host, settings.Port, settings.Security, settings.Username, settings.From, settings.To,
            summary.Pending, summary.Failed, channel.CreatedAt, channel.UpdatedAt, channel.LastSuccessAt, channel.LastErrorAt, channel.LastError);
    }
}
