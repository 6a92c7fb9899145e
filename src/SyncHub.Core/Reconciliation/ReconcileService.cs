using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SyncHub.Core.Cluster;
using SyncHub.Core.Validation;
using SyncHub.Data;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Reconciliation;

/// <summary>
/// Starts reconciliations and cancels them. One comparison or resync per integration at a time: the check and the insert
/// happen under the write gate. Starting one deletes the integration's oldest beyond
/// <see cref="ReconcileOptions.KeepPerIntegration"/>, with their differences; each start and cancel is audited.
/// </summary>
public sealed class ReconcileService(
    IDbContextFactory<SyncHubDbContext> dbFactory, ReconcileSupport support, ReconcileQueue queue, WriteGate writes, TimeProvider time, NodeIdentity node,
    IOptions<ReconcileOptions> options)
{
    public async Task<ReconcileStartResult> StartAsync(ReconcileRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var integration = await db.Integrations.AsNoTracking().SingleOrDefaultAsync(i => i.Id == request.IntegrationId, cancellationToken);
        var errors = Validate(request, integration, out var access);
        if (!errors.IsEmpty)
        {
            return new ReconcileStartResult(null, errors);
        }

        ReconcileRun run;
        using (await writes.EnterAsync(cancellationToken))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (await ReconcileRuns.BusyAsync(db, request.IntegrationId, cancellationToken) is { } busy)
            {
                return new ReconcileStartResult(busy, Conflict: $"Reconciliation #{busy.Id} of this integration is still running; reconciliations of one integration never overlap.");
            }

            await PruneAsync(db, request.IntegrationId, cancellationToken);
            var now = time.GetUtcNow();
            run = new ReconcileRun
            {
                IntegrationId = request.IntegrationId, RangeFrom = request.From, RangeTo = request.To, Status = ReconcileStatus.Running, Mode = access!.Mode,
                StartedBy = ReconcileText.Clip(request.Actor, 256), StartedAt = now, Phase = "waiting to start", OwnerNode = node.Id,
            };
            db.ReconcileRuns.Add(run);
            await db.SaveChangesAsync(cancellationToken);
            db.AuditLog.Add(new AuditEntry
            {
                At = now, Actor = run.StartedBy, Action = ReconcileAuditActions.Start, Target = ReconcileAuditActions.Target(run.Id),
                Detail = $"integration {integration!.Slug} from {request.From:yyyy-MM-dd HH:mm} to {request.To:yyyy-MM-dd HH:mm} UTC",
            });
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        await queue.EnqueueAsync(new ReconcileWork(run.Id, Resync: false), cancellationToken);
        return new ReconcileStartResult(run);
    }

    /// <summary>Asks the running comparison or resync to stop at its next step; audited.</summary>
    /// <returns>False when neither is running.</returns>
    public async Task<bool> CancelAsync(long runId, string actor, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var running = await db.ReconcileRuns.AnyAsync(
            r => r.Id == runId && (r.Status == ReconcileStatus.Running || r.ResyncStatus == ReconcileResyncStatus.Running), cancellationToken);
        if (!running)
        {
            return false;
        }

        queue.RequestCancel(runId);
        db.AuditLog.Add(new AuditEntry
        {
            At = time.GetUtcNow(), Actor = ReconcileText.Clip(actor, 256), Action = ReconcileAuditActions.Cancel, Target = ReconcileAuditActions.Target(runId),
        });
        await writes.RunAsync(db.SaveChangesAsync, cancellationToken);
        return true;
    }

    private FieldErrors Validate(ReconcileRequest request, Integration? integration, out ReconcileAccess? access)
    {
        var errors = new FieldErrors();
        access = null;
        if (integration is null)
        {
            errors.Add("integration", "does not exist.");
            return errors;
        }

        access = support.Check(integration);
        if (access.Problem is { } problem)
        {
            errors.Add("integration", problem);
        }

        if (request.From >= request.To)
        {
            errors.Add("to", "must be after 'from'.");
        }
        else if (request.To - request.From > TimeSpan.FromDays(options.Value.MaxRangeDays))
        {
            errors.Add("to", $"must be at most {options.Value.MaxRangeDays} days after 'from'; reconcile a long period in parts.");
        }

        return errors;
    }

    private async Task PruneAsync(SyncHubDbContext db, int integrationId, CancellationToken cancellationToken)
    {
        var keep = options.Value.KeepPerIntegration - 1;
        var oldest = await db.ReconcileRuns.Where(r => r.IntegrationId == integrationId).OrderByDescending(r => r.Id).Skip(keep)
            .Select(r => r.Id).ToListAsync(cancellationToken);
        if (oldest.Count > 0)
        {
            await db.ReconcileDifferences.Where(d => oldest.Contains(d.RunId)).ExecuteDeleteAsync(cancellationToken);
            await db.ReconcileRuns.Where(r => oldest.Contains(r.Id)).ExecuteDeleteAsync(cancellationToken);
        }
    }
}
