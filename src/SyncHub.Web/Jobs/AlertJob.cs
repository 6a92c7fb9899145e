using Microsoft.Extensions.Options;
using Quartz;
using SyncHub.Core.Alerts;
using SyncHub.Core.Delivery;

namespace SyncHub.Web.Jobs;

/// <summary>Evaluates the alert rules: opens, updates and resolves alerts, and pauses integrations whose error budget is exhausted (when set to).</summary>
[DisallowConcurrentExecution]
internal sealed class AlertJob(AlertEvaluator evaluator, IOptions<DeliveryOptions> options) : IJob
{
    public static readonly JobKey Key = new("alerts");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        if (options.Value.BackgroundEnabled)
        {
            await evaluator.EvaluateAsync(cancellationToken);
        }
    }
}
