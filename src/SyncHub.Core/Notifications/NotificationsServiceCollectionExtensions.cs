using Microsoft.Extensions.DependencyInjection;
using SyncHub.Core.Notifications.Senders;

namespace SyncHub.Core.Notifications;

public static class NotificationsServiceCollectionExtensions
{
    /// <summary>The in-memory notifier the engine reports to, the outbox, the senders and the channel service.</summary>
    public static IServiceCollection AddSyncHubNotifications(this IServiceCollection services)
    {
        services.AddOptions<NotificationOptions>().BindConfiguration(NotificationOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<NotificationBuffer>();
        services.AddSingleton<INotifier>(sp => sp.GetRequiredService<NotificationBuffer>());
        services.AddSingleton<NotificationRenderer>();
        services.AddSingleton<NotificationOutbox>();
        services.AddSingleton<NotificationDispatcher>();
        services.AddSingleton<ChannelSettingsProtector>();
        services.AddSingleton<NotificationChannelService>();
        services.AddSingleton<ChannelTest>();
        services.AddSingleton<NotificationsQuery>();

        // Webhook calls get their own pooled client; each call is bounded by the dispatcher's time limit instead.
        services.AddHttpClient(WebhookSender.ClientName, client => client.Timeout = Timeout.InfiniteTimeSpan);
        services.AddSingleton<INotificationSender, WebhookSender>();
        services.AddSingleton<INotificationSender, EmailSender>();
        return services;
    }
}
