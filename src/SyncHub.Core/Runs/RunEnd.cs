using SyncHub.Data.Entities;

namespace SyncHub.Core.Runs;

/// <summary>How a run ended, and why when it did not end well.</summary>
internal sealed record RunEnd(RunStatus Status, string? Note = null, bool BreakerTripped = false)
{
    public static RunEnd Completed { get; } = new(RunStatus.Succeeded);

    public static RunEnd Failed(string note) => new(RunStatus.Failed, note);
}
