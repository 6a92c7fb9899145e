using Microsoft.Extensions.Options;
using Quartz;
using SyncHub.Core.Delivery;
using SyncHub.Core.Runs;

namespace SyncHub.Web.Jobs;

/// <summary>Starts scheduled runs and retries of failed runs whose time has come.</summary>
[DisallowConcurrentExecution]
internal sealed class RunSchedulerJob(RunScheduler scheduler, IOptions<DeliveryOptions> options) : IJob
{
    public static readonly JobKey Key = new("run-scheduler");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        if (options.Value.BackgroundEnabled)
        {
            await scheduler.StartDueAsync(cancellationToken);
        }
    }
}
