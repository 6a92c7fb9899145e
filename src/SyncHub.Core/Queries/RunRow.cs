using SyncHub.Data.Entities;

namespace SyncHub.Core.Queries;

/// <summary>A run as lists and the run page show it.</summary>
public sealed record RunRow(SyncRun Run, string IntegrationSlug, string IntegrationName)
{
    public TimeSpan? Duration => Run.FinishedAt is { } end ? end - Run.StartedAt : null;
}
