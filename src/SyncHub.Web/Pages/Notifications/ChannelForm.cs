using SyncHub.Core.Notifications;
using SyncHub.Data.Entities;

namespace SyncHub.Web.Pages.Notifications;

/// <summary>The add/edit form of a channel. The webhook address and the SMTP password are write-only: blank keeps the stored one.</summary>
public sealed class ChannelForm
{
    public int? Id { get; set; }

    public string Name { get; set; } = "";

    public NotificationChannelKind Kind { get; set; } = NotificationChannelKind.InApp;

    public bool Enabled { get; set; } = true;

    public List<NotificationEventKinds> Events { get; set; } = [.. EventNames.Subscribable];

    public int ThrottleMinutes { get; set; } = 15;

    public string? SubjectTemplate { get; set; }

    public string? BodyTemplate { get; set; }

    public string? Url { get; set; }

    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    public string Security { get; set; } = SmtpSecurity.StartTls;

    public string? Username { get; set; }

    public string? Password { get; set; }

    public bool ClearPassword { get; set; }

    public string? From { get; set; }

    public string? To { get; set; }

    public ChannelRequest ToRequest() =>
        new(Id, Name, Kind, Enabled, Events.Aggregate(NotificationEventKinds.None, (all, e) => all | e), ThrottleMinutes, SubjectTemplate, BodyTemplate)
        {
            Url = Url, Host = Host, Port = Port, Security = Security, Username = Username, Password = Password, ClearPassword = ClearPassword, From = From, To = To,
        };

    /// <summary>The form for a stored channel; secrets stay out of it.</summary>
    public static ChannelForm Of(NotificationChannel channel, ChannelSettings settings) => new()
    {
        Id = channel.Id, Name = channel.Name, Kind = channel.Kind, Enabled = channel.Enabled,
        Events = [.. EventNames.Subscribable.Where(e => (channel.Events & e) != 0)],
        ThrottleMinutes = channel.ThrottleMinutes, SubjectTemplate = channel.SubjectTemplate, BodyTemplate = channel.BodyTemplate,
        Host = settings.Host, Port = settings.Port, Security = settings.Security, Username = settings.Username,
        From = settings.From, To = string.Join(", ", settings.To),
    };

    /// <summary>The form field a service error belongs to.</summary>
    public static string FieldFor(string key) => "Channel." + char.ToUpperInvariant(key[0]) + key[1..];
}
