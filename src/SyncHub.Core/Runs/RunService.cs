using Microsoft.EntityFrameworkCore;
using SyncHub.Connectors;
using SyncHub.Core.Audit;
using SyncHub.Core.Cluster;
using SyncHub.Core.Plugins;
using SyncHub.Core.Validation;
using SyncHub.Data;
using SyncHub.Data.Entities;
using SyncHub.Plugins.Protocol;

namespace SyncHub.Core.Runs;

/// <summary>
/// Starts sync runs (scheduled, Sync Now, retry, resync) and cancels them. At most one run of an integration
/// is running at a time: the check and the insert happen under the write gate, which serialises writers.
/// </summary>
public sealed class RunService(
    IDbContextFactory<SyncHubDbContext> dbFactory, IConnectorCatalog catalog, IRunQueue queue, RunCancellations cancellations, WriteGate writes, TimeProvider time, IAuditLog audit,
    NodeIdentity node)
{
    /// <summary>Starts a run and hands it to the background worker.</summary>
    public async Task<StartRunResult> StartInBackgroundAsync(RunRequest request, CancellationToken cancellationToken)
    {
        var result = await StartAsync(request, cancellationToken);
        if (result.Run is { } run)
        {
            await queue.EnqueueAsync(run.Id, cancellationToken);
        }

        return result;
    }

    public async Task<StartRunResult> StartAsync(RunRequest request, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var integration = await db.Integrations.AsNoTracking().SingleOrDefaultAsync(i => i.Id == request.IntegrationId, cancellationToken);
        var errors = Validate(request, integration);
        if (!errors.IsEmpty)
        {
            return new StartRunResult(null, errors);
        }

        using var gate = await writes.EnterAsync(cancellationToken);
        var running = await db.Runs.AsNoTracking()
            .FirstOrDefaultAsync(r => r.IntegrationId == request.IntegrationId && r.Status == RunStatus.Running, cancellationToken);
        if (running is not null)
        {
            return new StartRunResult(null, AlreadyRunning: running);
        }

        var run = new SyncRun
        {
            IntegrationId = request.IntegrationId,
            Trigger = request.Trigger,
            Mode = request.Mode,
            Status = RunStatus.Running,
            RangeFrom = request.Mode == RunMode.DateRange ? request.From : null,
            RangeTo = request.Mode == RunMode.DateRange ? request.To : null,
            CheckpointFrom = request.Mode == RunMode.Incremental ? integration!.Checkpoint : null,
            RetryOfRunId = request.RetryOfRunId,
            RetryNumber = request.RetryNumber,
            StartedBy = request.StartedBy,
            StartedAt = time.GetUtcNow(),
            OwnerNode = node.Id,
        };
        db.Runs.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        if (request.StartedBy is { } actor)
        {
            // Scheduled runs and automatic run retries have no one to name; a person's or key's Sync now and resync do.
            db.AuditLog.Add(new AuditEntry
            {
                At = run.StartedAt,
                Actor = actor,
                Action = AccountAuditActions.RunStart,
                Target = AccountAuditActions.RunTarget(run.Id),
                Detail = $"{request.Trigger} {request.Mode} of integration {integration!.Slug}" + (run.RangeFrom is { } from ? $" from {from:yyyy-MM-dd} to {run.RangeTo:yyyy-MM-dd}" : ""),
            });
            await db.SaveChangesAsync(cancellationToken);
        }

        return new StartRunResult(run);
    }

    /// <summary>Asks a running run to stop after the batch in flight; its progress is kept.</summary>
    public async Task<bool> CancelAsync(long runId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var running = await db.Runs.AnyAsync(r => r.Id == runId && r.Status == RunStatus.Running, cancellationToken);
        if (running)
        {
            cancellations.Request(runId);
        }

        return running;
    }

    /// <summary>Cancels on someone's behalf, and puts that in the audit log.</summary>
    public async Task<bool> CancelAsync(long runId, string actor, CancellationToken cancellationToken)
    {
        var cancelled = await CancelAsync(runId, cancellationToken);
        if (cancelled)
        {
            await audit.WriteAsync(actor, AccountAuditActions.RunCancel, AccountAuditActions.RunTarget(runId), null, cancellationToken);
        }

        return cancelled;
    }

    private FieldErrors Validate(RunRequest request, Integration? integration)
    {
        var errors = new FieldErrors();
        if (integration is null)
        {
            errors.Add("integration", "does not exist.");
            return errors;
        }

        if (integration.PausedAt is not null)
        {
            errors.Add("integration", $"is paused ({integration.PauseReason}); resume it before starting a run.");
            return errors;
        }

        if (catalog.Find(integration.Connector) is not { } gateway || !gateway.Has(ConnectorCapabilities.Source))
        {
            errors.Add("integration", $"uses the '{integration.Connector}' connector, which cannot read from a source; records arrive through the API instead.");
        }

        if (request.Mode == RunMode.DateRange)
        {
            if (request.From is null)
            {
                errors.Add("from", "is required for a date range resync.");
            }

            if (request.To is null)
            {
                errors.Add("to", "is required for a date range resync.");
            }

            if (request.From is { } from && request.To is { } to && from >= to)
            {
                errors.Add("to", "must be after 'from'.");
            }
        }

        return errors;
    }
}
