using SyncHub.Core.Queries;

namespace SyncHub.Web.Pages.Runs;

/// <summary>A page of runs; it polls while any of them is still running.</summary>
public sealed record RunListView(IReadOnlyList<RunRow> Runs, string? Integration, long? NextBefore, string? Message, bool MessageIsError = false)
{
    public bool AnyRunning => Runs.Any(r => r.Run.Status == Data.Entities.RunStatus.Running);
}
