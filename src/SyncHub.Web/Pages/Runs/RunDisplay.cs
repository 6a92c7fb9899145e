using SyncHub.Data.Entities;

namespace SyncHub.Web.Pages.Runs;

/// <summary>How run statuses, triggers and modes read on the pages.</summary>
public static class RunDisplay
{
    public static string Status(RunStatus status) => status switch
    {
        RunStatus.Running => "Running",
        RunStatus.Succeeded => "Succeeded",
        RunStatus.CompletedWithErrors => "Completed with errors",
        RunStatus.Failed => "Failed",
        RunStatus.TimedOut => "Timed out",
        _ => "Cancelled",
    };

    public static string StatusCss(RunStatus status) => status switch
    {
        RunStatus.Running => "badge status-pending",
        RunStatus.Succeeded => "badge badge-ok",
        RunStatus.CompletedWithErrors or RunStatus.TimedOut => "badge badge-transient",
        RunStatus.Failed => "badge status-failed",
        _ => "badge",
    };

    public static string Trigger(RunTrigger trigger) => trigger switch
    {
        RunTrigger.Scheduled => "Scheduled",
        RunTrigger.Manual => "Sync now",
        RunTrigger.Retry => "Retry",
        _ => "Resync",
    };

    public static string Mode(RunMode mode) => mode switch
    {
        RunMode.Incremental => "Incremental",
        RunMode.DateRange => "Date range",
        _ => "Full re-import",
    };

    public static string Duration(TimeSpan? duration) => duration switch
    {
        null => "—",
        { TotalSeconds: < 60 } d => $"{d.TotalSeconds:0.#} s",
        { TotalMinutes: < 60 } d => $"{(int)d.TotalMinutes} min {d.Seconds} s",
        var d => $"{(int)d.Value.TotalHours} h {d.Value.Minutes} min",
    };
}
