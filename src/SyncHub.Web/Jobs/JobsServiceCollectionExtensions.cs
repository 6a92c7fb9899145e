using Quartz;
using SyncHub.Core.Delivery;
using SyncHub.Core.Demo;

namespace SyncHub.Web.Jobs;

internal static class JobsServiceCollectionExtensions
{
    /// <summary>
    /// Quartz polls for due deliveries and automatic retries (its clock is the container's TimeProvider);
    /// a background worker runs manual retry operations.
    /// </summary>
    public static IServiceCollection AddSyncHubJobs(this IServiceCollection services, IConfiguration configuration)
    {
        var delivery = configuration.GetSection(DeliveryOptions.Section).Get<DeliveryOptions>() ?? new DeliveryOptions();
        var demo = configuration.GetSection(DemoOptions.Section).Get<DemoOptions>() ?? new DemoOptions();
        services.AddHostedService<OperationWorker>();
        if (!delivery.BackgroundEnabled)
        {
            return services;
        }

        services.AddQuartz(q =>
        {
            q.ScheduleJob<DeliveryJob>(
                trigger => trigger.WithIdentity("delivery-poll").StartNow().WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromSeconds(delivery.PollIntervalSeconds)).RepeatForever()),
                job => job.WithIdentity(DeliveryJob.Key));
            q.ScheduleJob<AutomaticRetryJob>(
                trigger => trigger.WithIdentity("automatic-retry-poll").StartNow().WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromSeconds(delivery.PollIntervalSeconds)).RepeatForever()),
                job => job.WithIdentity(AutomaticRetryJob.Key));
            if (demo.Enabled)
            {
                q.ScheduleJob<DemoTrafficJob>(
                    trigger => trigger.WithIdentity("demo-traffic-poll").StartNow().WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromSeconds(20)).RepeatForever()),
                    job => job.WithIdentity(DemoTrafficJob.Key));
            }
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return services;
    }
}
