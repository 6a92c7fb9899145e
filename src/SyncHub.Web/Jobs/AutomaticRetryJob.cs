using Quartz;
using SyncHub.Core.Delivery;

namespace SyncHub.Web.Jobs;

/// <summary>Retries failed records whose backoff has run out, batch after batch, until none are due.</summary>
[DisallowConcurrentExecution]
internal sealed class AutomaticRetryJob(SyncOrchestrator orchestrator) : IJob
{
    public static readonly JobKey Key = new("automatic-retry");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested && (await orchestrator.RetryDueAsync(cancellationToken)).Attempted > 0)
        {
        }
    }
}
