using Quartz;

namespace SyncHub.Web.Jobs;

internal static class JobsServiceCollectionExtensions
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan DemoInterval = TimeSpan.FromSeconds(20);

    /// <summary>
    /// Quartz polls for due deliveries and automatic retries (its clock is the container's TimeProvider);
    /// a background worker runs manual retry operations. Jobs read their on/off switches when they fire.
    /// </summary>
    public static IServiceCollection AddSyncHubJobs(this IServiceCollection services)
    {
        services.AddHostedService<OperationWorker>();
        services.AddQuartz(q =>
        {
            q.ScheduleJob<DeliveryJob>(
                trigger => trigger.WithIdentity("delivery-poll").StartNow().WithSimpleSchedule(s => s.WithInterval(PollInterval).RepeatForever()),
                job => job.WithIdentity(DeliveryJob.Key));
            q.ScheduleJob<AutomaticRetryJob>(
                trigger => trigger.WithIdentity("automatic-retry-poll").StartNow().WithSimpleSchedule(s => s.WithInterval(PollInterval).RepeatForever()),
                job => job.WithIdentity(AutomaticRetryJob.Key));
            q.ScheduleJob<DemoTrafficJob>(
                trigger => trigger.WithIdentity("demo-traffic-poll").StartNow().WithSimpleSchedule(s => s.WithInterval(DemoInterval).RepeatForever()),
                job => job.WithIdentity(DemoTrafficJob.Key));
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return services;
    }
}
