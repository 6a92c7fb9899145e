using Microsoft.Extensions.Options;
using Quartz;
using SyncHub.Core.Delivery;

namespace SyncHub.Web.Jobs;

/// <summary>Delivers pending records, batch after batch, until none are due.</summary>
[DisallowConcurrentExecution]
internal sealed class DeliveryJob(SyncOrchestrator orchestrator, IOptions<DeliveryOptions> options) : IJob
{
    public static readonly JobKey Key = new("delivery");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        if (!options.Value.BackgroundEnabled)
        {
            return;
        }

        while (!cancellationToken.IsCancellationRequested && (await orchestrator.DeliverDueAsync(cancellationToken)).Attempted > 0)
        {
        }
    }
}
