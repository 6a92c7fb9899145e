using Microsoft.Extensions.Options;
using Quartz;
using SyncHub.Core.Delivery;

namespace SyncHub.Web.Jobs;

/// <summary>Retries failed records whose backoff has run out, batch after batch, until none are due.</summary>
[DisallowConcurrentExecution]
internal sealed class AutomaticRetryJob(SyncOrchestrator orchestrator, IOptions<DeliveryOptions> options) : IJob
{
    public static readonly JobKey Key = new("automatic-retry");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        if (!options.Value.BackgroundEnabled)
        {
            return;
        }

        await orchestrator.DrainRetriesAsync(cancellationToken);
    }
}
