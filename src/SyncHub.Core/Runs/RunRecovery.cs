using Microsoft.EntityFrameworkCore;
using SyncHub.Data;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Runs;

/// <summary>
/// At start-up, runs a stopped process left "running" are ended as failed (and retried by their policy);
/// the records they had staged but not delivered go out with the integration's next run.
/// </summary>
public sealed class RunRecovery(IDbContextFactory<SyncHubDbContext> dbFactory, TimeProvider time)
{
    public async Task<int> RecoverAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var interrupted = await db.Runs.Where(r => r.Status == RunStatus.Running).ToListAsync(cancellationToken);
        if (interrupted.Count == 0)
        {
            return 0;
        }

        var now = time.GetUtcNow();
        var integrations = await db.Integrations.AsNoTracking().ToDictionaryAsync(i => i.Id, cancellationToken);
        foreach (var run in interrupted)
        {
            run.Status = RunStatus.Failed;
            run.FinishedAt = now;
            run.Note = "Interrupted: SyncHub stopped while this run was in progress. Progress so far is kept; undelivered records go out with the next run.";
            if (integrations.TryGetValue(run.IntegrationId, out var integration) && integration.Runs.RetryOnFailure
                && RunRetryDelays.Parse(integration.Runs.RetryDelays) is { } delays && run.RetryNumber < delays.Count)
            {
                run.RetryDueAt = now + delays[run.RetryNumber];
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return interrupted.Count;
    }
}
