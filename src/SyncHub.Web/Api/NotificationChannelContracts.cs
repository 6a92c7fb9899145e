using SyncHub.Data.Entities;

namespace SyncHub.Web.Api;

// The JSON shapes of notification channels. url and password are write-only: answers say only whether one is stored.

/// <summary>
/// A channel to create, or the fields of one to change (those left out keep their value). <c>url</c> and
/// <c>password</c> left out or blank keep what is stored; <c>clearPassword</c> removes the stored password.
/// </summary>
public sealed record NotificationChannelBody(
    string? Name, NotificationChannelKind? Kind, bool? Enabled = null, IReadOnlyList<NotificationEventKinds>? Events = null, int? ThrottleMinutes = null,
    string? SubjectTemplate = null, string? BodyTemplate = null, string? Url = null, string? Host = null, int? Port = null, string? Security = null,
    string? Username = null, string? Password = null, bool? ClearPassword = null, string? From = null, IReadOnlyList<string>? To = null);

public sealed record NotificationChannelResponse(
    int Id, string Name, NotificationChannelKind Kind, bool Enabled, IReadOnlyList<NotificationEventKinds> Events, int ThrottleMinutes,
    string? SubjectTemplate, string? BodyTemplate, string? MaskedUrl, bool HasPassword, string? Host, int Port, string Security, string? Username,
    string? From, IReadOnlyList<string> To, int Pending, int Failed, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt,
    DateTimeOffset? LastSuccessAt, DateTimeOffset? LastErrorAt, string? LastError);

public sealed record ChannelTestResponse(int Id, bool Succeeded, string? Error);
