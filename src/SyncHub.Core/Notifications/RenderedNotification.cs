namespace SyncHub.Core.Notifications;

/// <summary>A subject and body ready to send; <see cref="TemplateError"/> says why a channel's own template was not used.</summary>
public sealed record RenderedNotification(string Subject, string Body, string? TemplateError = null);
