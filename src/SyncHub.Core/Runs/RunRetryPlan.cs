using SyncHub.Data.Entities;

namespace SyncHub.Core.Runs;

/// <summary>
/// The next retry of a failed run: its due time is set on the run; <see cref="Final"/> when none is left, which is
/// when the administrator is notified, and <see cref="Exhausted"/> when configured retries (<see cref="Retries"/> of them) ran out.
/// </summary>
internal readonly record struct RunRetryPlan(string Note, bool Final, bool Exhausted, int Retries = 0)
{
    public static RunRetryPlan For(SyncRun run, Integration integration, DateTimeOffset now)
    {
        if (!integration.Runs.RetryOnFailure)
        {
            return new("Automatic run retries are off for this integration; the administrator was notified.", true, false);
        }

        var delays = RunRetryDelays.Parse(integration.Runs.RetryDelays) ?? [];
        if (run.RetryNumber < delays.Count)
        {
            run.RetryDueAt = now + delays[run.RetryNumber];
            return new($"Retry {run.RetryNumber + 1} of {delays.Count} runs at {run.RetryDueAt:yyyy-MM-dd HH:mm} UTC.", false, false);
        }

        return new(
            delays.Count == 0 ? "No automatic retries are configured; the administrator was notified." : $"All {delays.Count} automatic retries failed; the administrator was notified.",
            true,
            true,
            delays.Count);
    }
}
