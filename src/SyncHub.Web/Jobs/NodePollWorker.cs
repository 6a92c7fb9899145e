using Microsoft.Extensions.Options;
using SyncHub.Core.Delivery;
using SyncHub.Core.Notifications;

namespace SyncHub.Web.Jobs;

/// <summary>
/// PostgreSQL only: every node polls for due deliveries and automatic retries on its own, so N nodes deliver side by
/// side (row locks keep their batches apart). In the clustered scheduler these would fire on one node at a time.
/// Each node also flushes its own in-memory notification buffer to the outbox, because the clustered notification
/// job (which sends the outbox) may fire on another node for a long time.
/// </summary>
internal sealed partial class NodePollWorker(
    SyncOrchestrator orchestrator, NotificationDispatcher notifications, TimeProvider time, IOptions<DeliveryOptions> options, ILogger<NodePollWorker> logger) : BackgroundService
{
    internal static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan NotificationFlushInterval = TimeSpan.FromSeconds(10);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.WhenAll(
        PollAsync("delivery", orchestrator.DrainDueAsync, stoppingToken),
        PollAsync("automatic-retry", orchestrator.DrainRetriesAsync, stoppingToken),
        FlushNotificationsAsync(stoppingToken));

    private async Task FlushNotificationsAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(NotificationFlushInterval, time, stoppingToken);
            if (options.Value.BackgroundEnabled)
            {
                await notifications.FlushAsync(stoppingToken); // logs and keeps the events when the write fails
            }
        }
    }

    private async Task PollAsync(string name, Func<CancellationToken, Task<BatchResult>> drain, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (options.Value.BackgroundEnabled)
                {
                    await drain(stoppingToken);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogPollFailed(ex, name);
            }

            await Task.Delay(PollInterval, time, stoppingToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The {Poll} poll failed; it runs again in a second")]
    private partial void LogPollFailed(Exception exception, string poll);
}
