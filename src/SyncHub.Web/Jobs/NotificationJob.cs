using Microsoft.Extensions.Options;
using Quartz;
using SyncHub.Core.Delivery;
using SyncHub.Core.Notifications;

namespace SyncHub.Web.Jobs;

/// <summary>Writes buffered engine events to the outbox and sends due notifications, retrying failed ones.</summary>
[DisallowConcurrentExecution]
internal sealed class NotificationJob(NotificationDispatcher dispatcher, IOptions<DeliveryOptions> options) : IJob
{
    public static readonly JobKey Key = new("notifications");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        if (options.Value.BackgroundEnabled)
        {
            await dispatcher.RunOnceAsync(cancellationToken);
        }
    }
}
