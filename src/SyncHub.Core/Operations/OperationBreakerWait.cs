using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SyncHub.Core.Breakers;
using SyncHub.Data;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Operations;

/// <summary>
/// Lets a retry operation wait out open connection breakers instead of spinning on empty claims or failing its
/// records: it sleeps on the <see cref="TimeProvider"/> until the next probe time or a breaker change, and tells the
/// progress panel until when it waits.
/// </summary>
public sealed partial class OperationBreakerWait(
    IDbContextFactory<SyncHubDbContext> dbFactory,
    BreakerRegistry breakers,
    TimeProvider time,
    IOptions<BreakerOptions> options,
    ILogger<OperationBreakerWait> logger)
{
    private readonly ConcurrentDictionary<Guid, DateTimeOffset> _waiting = new();

    /// <summary>Until when the operation waits for a connection breaker; null while it is not waiting.</summary>
    public DateTimeOffset? WaitingUntil(Guid operationId) => _waiting.TryGetValue(operationId, out var until) ? until : null;

    public async Task<OperationWaitResult> WaitIfBlockedAsync(Guid operationId, bool wait, CancellationToken cancellationToken)
    {
        var changed = breakers.WhenChanged;
        var blocked = await BlockedTargetsAsync(operationId, cancellationToken);
        if (blocked is null)
        {
            return OperationWaitResult.Finished;
        }

        if (blocked.Count == 0)
        {
            return OperationWaitResult.ClaimAgain;
        }

        if (!wait)
        {
            return OperationWaitResult.Blocked;
        }

        var now = time.GetUtcNow();
        var until = blocked.Select(breakers.BlockedUntil).Min() ?? now + TimeSpan.FromSeconds(options.Value.OpenSeconds);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var delay = Task.Delay(until - now, time, stop.Token);
        _waiting[operationId] = until;
        LogWaiting(operationId, string.Join(", ", blocked.Select(t => t.Slug)), until);
        try
        {
            await Task.WhenAny(delay, changed);
        }
        finally
        {
            _waiting.TryRemove(operationId, out _);
            await stop.CancelAsync();
        }

        cancellationToken.ThrowIfCancellationRequested();
        return OperationWaitResult.Waited;
    }

    /// <summary>The integrations whose breakers hold records of the operation; null when it has none left.</summary>
    private async Task<List<BreakerTarget>?> BlockedTargetsAsync(Guid operationId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var integrationIds = await db.WorkQueue.Where(w => w.OperationId == operationId && w.Lane == WorkLane.ManualRetry)
            .Select(w => w.IntegrationId).Distinct().ToListAsync(cancellationToken);
        if (integrationIds.Count == 0)
        {
            return null;
        }

        var targets = await db.Integrations.AsNoTracking().Where(i => integrationIds.Contains(i.Id))
            .Select(i => new BreakerTarget(i.Id, i.Slug, i.Connector)).ToListAsync(cancellationToken);
        return [.. targets.Where(breakers.IsOpen)];
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retry operation {OperationId} waits: connection breaker open for {Integrations} until {Until:O}")]
    private partial void LogWaiting(Guid operationId, string integrations, DateTimeOffset until);
}
