using System.Diagnostics;
using SyncHub.Connectors;

namespace SyncHub.Core.Telemetry;

/// <summary>
/// The <c>SyncHub.Delivery</c> activity source: one activity per record attempt, so every log line written while a
/// record is out (including from Quartz jobs and workers, which have no HTTP request) carries a trace and span id.
/// Inside a request (a retry from a page) the attempt is a child of the request's activity.
/// </summary>
public static class DeliveryTracing
{
    public const string SourceName = "SyncHub.Delivery";

    private const string RecordActivity = "deliver record";

    private static readonly ActivitySource Source = new(SourceName);

    /// <summary>
    /// Starts the activity of one attempt. Without a listener (no tracing exporter) the source hands out nothing, so a
    /// plain activity is started instead: the logs' trace ids must not depend on whether traces are exported. Tags are
    /// only for an exporter, so a plain activity carries none (they would be allocated for every record and read by nobody).
    /// </summary>
    public static Activity StartRecord(long recordId, string integration, string trigger)
    {
        var activity = Source.StartActivity(RecordActivity);
        if (activity is null)
        {
            return new Activity(RecordActivity).Start();
        }

        if (activity.IsAllDataRequested)
        {
            activity.SetTag("synchub.record_id", recordId);
            activity.SetTag("synchub.integration", integration);
            activity.SetTag("synchub.trigger", trigger);
        }

        return activity;
    }

    /// <summary>Marks the current attempt's activity with its outcome.</summary>
    public static void Completed(DeliveryOutcome outcome)
    {
        if (Activity.Current is not { OperationName: RecordActivity, IsAllDataRequested: true } activity || activity.Source != Source)
        {
            return;
        }

        activity.SetTag("synchub.error_class", outcome.IsDelivered ? "none" : outcome.ErrorClass.ToString());
        activity.SetTag("http.response.status_code", outcome.HttpStatus);
        activity.SetStatus(outcome.IsDelivered ? ActivityStatusCode.Ok : ActivityStatusCode.Error);
    }
}
