namespace SyncHub.Core.Runs;

/// <summary>A wait or a limit in the words a run's note uses: "15 s", "2.5 min", "1 h".</summary>
internal static class RunDurationText
{
    public static string Describe(TimeSpan span) =>
        span.TotalHours >= 1 ? $"{span.TotalHours:0.#} h" : span.TotalMinutes >= 1 ? $"{span.TotalMinutes:0.#} min" : $"{span.TotalSeconds:0.#} s";
}
