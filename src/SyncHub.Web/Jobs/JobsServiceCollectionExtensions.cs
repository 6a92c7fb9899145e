using Quartz;
using SyncHub.Web.Storage;

namespace SyncHub.Web.Jobs;

internal static class JobsServiceCollectionExtensions
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan DemoInterval = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan RunSchedulerInterval = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan StaleClaimInterval = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan AlertInterval = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan NotificationInterval = TimeSpan.FromSeconds(10);
    private const double DefaultStartDelaySeconds = 2;

    /// <summary>
    /// Quartz polls for due deliveries and automatic retries (its clock is the container's TimeProvider);
    /// Quartz also starts scheduled runs and run retries when due; background workers run manual retry
    /// operations, sync runs and reconciliations. Jobs read their on/off switches when they fire.
    /// On PostgreSQL Quartz runs clustered on its tables in the same database, so the once-per-cluster jobs (run
    /// scheduler, alerts, demo traffic, stale claims) fire on one node at a time; delivery and automatic retries
    /// poll on every node instead, and every node renews its claim lease.
    /// </summary>
    public static IServiceCollection AddSyncHubJobs(this IServiceCollection services, IConfiguration configuration)
    {
        var database = DatabaseSettings.Read(configuration);
        services.AddHostedService<OperationWorker>();
        services.AddHostedService<RunWorker>();
        services.AddHostedService<ReconcileWorker>();
        if (database.IsPostgres)
        {
            services.AddHostedService<NodeHeartbeatWorker>();
            services.AddHostedService<NodePollWorker>();
        }

        services.AddQuartz(q =>
        {
            if (database.IsPostgres)
            {
                UseClusteredStore(q, database.ConnectionString);
            }
            else
            {
                q.ScheduleJob<DeliveryJob>(
                    trigger => trigger.WithIdentity("delivery-poll").StartNow().WithSimpleSchedule(s => s.WithInterval(PollInterval).RepeatForever()),
                    job => job.WithIdentity(DeliveryJob.Key));
                q.ScheduleJob<AutomaticRetryJob>(
                    trigger => trigger.WithIdentity("automatic-retry-poll").StartNow().WithSimpleSchedule(s => s.WithInterval(PollInterval).RepeatForever()),
                    job => job.WithIdentity(AutomaticRetryJob.Key));
            }

            q.ScheduleJob<RunSchedulerJob>(
                trigger => trigger.WithIdentity("run-scheduler-poll").StartNow().WithSimpleSchedule(s => s.WithInterval(RunSchedulerInterval).RepeatForever()),
                job => job.WithIdentity(RunSchedulerJob.Key));
            q.ScheduleJob<StaleClaimJob>(
                trigger => trigger.WithIdentity("stale-claims-poll").StartNow().WithSimpleSchedule(s => s.WithInterval(StaleClaimInterval).RepeatForever()),
                job => job.WithIdentity(StaleClaimJob.Key));
            q.ScheduleJob<AlertJob>(
                trigger => trigger.WithIdentity("alerts-poll").StartNow().WithSimpleSchedule(s => s.WithInterval(AlertInterval).RepeatForever()),
                job => job.WithIdentity(AlertJob.Key));
            q.ScheduleJob<NotificationJob>(
                trigger => trigger.WithIdentity("notifications-poll").StartNow().WithSimpleSchedule(s => s.WithInterval(NotificationInterval).RepeatForever()),
                job => job.WithIdentity(NotificationJob.Key));
            q.ScheduleJob<DemoTrafficJob>(
                trigger => trigger.WithIdentity("demo-traffic-poll").StartNow().WithSimpleSchedule(s => s.WithInterval(DemoInterval).RepeatForever()),
                job => job.WithIdentity(DemoTrafficJob.Key));
        });
        services.AddQuartzHostedService(o =>
        {
            o.WaitForJobsToComplete = true;
            o.StartDelay = StartDelay(configuration);
        });
        return services;
    }

    /// <summary>
    /// The jobs' first passes wait this long after start-up (<c>SyncHub:Jobs:StartDelaySeconds</c>, default 2), so
    /// the first pages an administrator opens are not served while every job compiles its queries at once.
    /// </summary>
    private static TimeSpan? StartDelay(IConfiguration configuration)
    {
        var seconds = configuration.GetValue("SyncHub:Jobs:StartDelaySeconds", DefaultStartDelaySeconds);
        if (seconds is < 0 or > 300)
        {
            throw new InvalidOperationException($"SyncHub:Jobs:StartDelaySeconds must be between 0 and 300; it is {seconds}.");
        }

        return seconds == 0 ? null : TimeSpan.FromSeconds(seconds);
    }

    /// <summary>
    /// Quartz's AdoJobStore on the qrtz_ tables the PostgreSQL migrations create. Each node is an instance of the
    /// one "SyncHub" scheduler; the instances check in every few seconds and take over the triggers of one that stops.
    /// </summary>
    private static void UseClusteredStore(IQuartzBuilder q, string connectionString) =>
        q.UsePersistentStore(store =>
        {
            store.UsePostgres(connectionString);
            store.ConfigureStore(options =>
            {
                options.TablePrefix = "qrtz_";
                options.StoreJobDataAsStrings = true;
                options.SchemaProvisioning = SchemaProvisioning.Validate; // the tables come with SyncHub's migrations
            });
            store.UseClustering(cluster =>
            {
                cluster.CheckinInterval = TimeSpan.FromSeconds(5);
                cluster.CheckinMisfireThreshold = TimeSpan.FromSeconds(20);
            });
            store.UseSystemTextJsonSerializer();
        });
}
