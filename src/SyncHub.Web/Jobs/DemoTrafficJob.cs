using Microsoft.Extensions.Options;
using Quartz;
using SyncHub.Core.Demo;

namespace SyncHub.Web.Jobs;

/// <summary>Keeps the demo alive with a few new records now and then.</summary>
[DisallowConcurrentExecution]
internal sealed class DemoTrafficJob(DemoSeeder demo, IOptions<DemoOptions> options) : IJob
{
    public static readonly JobKey Key = new("demo-traffic");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        if (options.Value.Enabled)
        {
            await demo.AddRecordsAsync(3, cancellationToken);
        }
    }
}
