using Microsoft.Extensions.Options;
using Quartz;
using SyncHub.Core.Delivery;
using SyncHub.Core.Recovery;

namespace SyncHub.Web.Jobs;

/// <summary>Queues again the records whose delivery result could not be written (a full disk), without waiting for a restart.</summary>
[DisallowConcurrentExecution]
internal sealed class StaleClaimJob(StaleClaimRecovery recovery, IOptions<DeliveryOptions> options) : IJob
{
    public static readonly JobKey Key = new("stale-claims");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        if (options.Value.BackgroundEnabled)
        {
            await recovery.RecoverAsync(cancellationToken);
        }
    }
}
