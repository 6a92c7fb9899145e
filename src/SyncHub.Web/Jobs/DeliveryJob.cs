using Microsoft.Extensions.Options;
using Quartz;
using SyncHub.Core.Delivery;

namespace SyncHub.Web.Jobs;

/// <summary>Delivers pending records, claiming batch after batch ahead of the senders, until none are due.</summary>
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

        await orchestrator.DrainDueAsync(cancellationToken);
    }
}
