using Microsoft.Extensions.Options;
using SyncHub.Core.Cluster;
using SyncHub.Core.Operations;
using SyncHub.Core.Runs;

namespace SyncHub.Web.Jobs;

/// <summary>
/// PostgreSQL only, on every node: renews this node's lease, then releases the claims of nodes whose lease ran out,
/// ends their runs and takes over their retry operations. Every node sweeps, so work comes back as long as one node
/// lives; each release and take-over is a conditional update, so two nodes sweeping at once take each item once.
/// </summary>
internal sealed partial class NodeHeartbeatWorker(
    NodeLeases leases, RunRecovery runs, RetryOperationService operations, IOperationQueue queue, TimeProvider time, IOptions<ClusterOptions> options,
    ILogger<NodeHeartbeatWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(options.Value.HeartbeatSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await leases.BeatAsync(stoppingToken);
                await leases.ReleaseExpiredAsync(stoppingToken);
                await runs.RecoverAbandonedAsync(stoppingToken);
                foreach (var operationId in await operations.TakeOverAbandonedAsync(stoppingToken))
                {
                    await queue.EnqueueAsync(operationId, stoppingToken);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A missed beat is survivable (the lease is several beats long); the next one tries again.
                LogBeatFailed(ex);
            }

            await Task.Delay(interval, time, stoppingToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Node heartbeat failed")]
    private partial void LogBeatFailed(Exception exception);
}
