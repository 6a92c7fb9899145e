using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SyncHub.Connectors;
using SyncHub.Core.Delivery;
using SyncHub.Core.Integrations;
using SyncHub.Core.Notifications;
using SyncHub.Core.Plugins;
using SyncHub.Data;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Runs;

/// <summary>
/// Executes a run: reads the source page by page, stages each small batch of records, delivers it through the
/// engine (same claim, attempts and retry rules as every other delivery), counts the results, and stops early
/// when the run breaker trips, the run times out, is cancelled, or the source cannot be read.
/// </summary>
public sealed partial class RunExecutor(
    IDbContextFactory<SyncHubDbContext> dbFactory,
    IConnectorCatalog catalog,
    SettingsProtector settingsProtector,
    SyncOrchestrator orchestrator,
    RunCancellations cancellations,
    WriteGate writes,
    TimeProvider time,
    INotifier notifier,
    ILogger<RunExecutor> logger)
{
    /// <summary>Records staged and delivered together; the run breaker is checked after each.</summary>
    private const int ChunkSize = 10;

    public async Task<SyncRun> ExecuteAsync(long runId, CancellationToken stopping)
    {
        var context = await LoadAsync(runId, stopping);
        if (context is null)
        {
            await using var db = await dbFactory.CreateDbContextAsync(stopping);
            return await db.Runs.AsNoTracking().SingleAsync(r => r.Id == runId, stopping);
        }

        var remaining = TimeSpan.FromSeconds(context.Integration.Runs.TimeoutSeconds) - (time.GetUtcNow() - context.Run.StartedAt);
        using var timeout = new CancellationTokenSource(remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, stopping);
        RunEnd end;
        try
        {
            end = await ProcessAsync(context, linked.Token, stopping);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !stopping.IsCancellationRequested)
        {
            end = new RunEnd(RunStatus.TimedOut, $"Timed out after {Describe(TimeSpan.FromSeconds(context.Integration.Runs.TimeoutSeconds))} " +
                $"while {context.InFlight}. Progress so far is kept.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogRunCrashed(ex, runId);
            end = RunEnd.Failed($"The run stopped on an unexpected error ({ex.GetType().Name}) while {context.InFlight}. Progress so far is kept.");
        }

        return await FinishAsync(context, end, stopping);
    }

    private async Task<RunEnd> ProcessAsync(RunContext context, CancellationToken token, CancellationToken stopping)
    {
        var leftovers = await CarryOverAsync(context, stopping);
        if (await DeliverAsync(context, leftovers, stopping) is { } halted)
        {
            return halted;
        }

        string? cursor = null;
        do
        {
            if (cancellations.IsRequested(context.Run.Id))
            {
                return new RunEnd(RunStatus.Cancelled, "Cancelled by an administrator; records already processed keep their results.");
            }

            context.InFlight = $"reading page {context.Page + 1} (records {context.RecordsRead + 1} onwards)";
            var (page, failure) = await ReadPageAsync(context, cursor, token);
            if (failure is not null)
            {
                return failure;
            }

            context.Page++;
            foreach (var chunk in page!.Records.Chunk(ChunkSize))
            {
                token.ThrowIfCancellationRequested();
                if (cancellations.IsRequested(context.Run.Id))
                {
                    return new RunEnd(RunStatus.Cancelled, "Cancelled by an administrator; records already processed keep their results.");
                }

                context.InFlight = $"delivering page {context.Page} (records {context.RecordsRead + 1}–{context.RecordsRead + chunk.Length})";
                var staged = await StageAsync(context, chunk, stopping);
                if (await DeliverAsync(context, staged, stopping) is { } end)
                {
                    return end;
                }

                context.RecordsRead += chunk.Length;
            }

            cursor = page.NextCursor;
        }
        while (cursor is not null);

        return RunEnd.Completed;
    }

    private async Task<RunContext?> LoadAsync(long runId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var run = await db.Runs.AsNoTracking().SingleAsync(r => r.Id == runId, cancellationToken);
        if (run.Status != RunStatus.Running)
        {
            return null;
        }

        var integration = await db.Integrations.AsNoTracking().SingleAsync(i => i.Id == run.IntegrationId, cancellationToken);
        var gateway = catalog.Find(integration.Connector);
        if (gateway is not IConnectorSource)
        {
            await FinishAsync(new RunContext(run, integration, null!, null, ConnectorSettings.Empty),
                RunEnd.Failed($"The '{integration.Connector}' connector is not loaded or cannot read from a source."), cancellationToken);
            return null;
        }

        var (from, to) = Window(run, integration);
        var settings = settingsProtector.Read(integration.SettingsJson);
        var (guarded, refresher) = Redaction.RedactingSource.Guard(gateway, settings, logger);
        return new RunContext(run, integration, guarded, refresher, settings)
        {
            WindowFrom = from,
            WindowTo = to,
        };
    }

    /// <summary>Incremental: since the checkpoint; date range: the range; full: everything. Never before the cut-off date.</summary>
    private static (DateTimeOffset? From, DateTimeOffset? To) Window(SyncRun run, Integration integration)
    {
        var (from, to) = run.Mode switch
        {
            RunMode.Incremental => (integration.Checkpoint, run.StartedAt),
            RunMode.DateRange => (run.RangeFrom, run.RangeTo),
            _ => ((DateTimeOffset?)null, (DateTimeOffset?)run.StartedAt),
        };
        if (integration.CutOffDate is { } cutOff && (from is null || from < cutOff))
        {
            from = cutOff;
        }

        return (from, to);
    }

    private static string Describe(TimeSpan span) =>
        span.TotalHours >= 1 ? $"{span.TotalHours:0.#} h" : span.TotalMinutes >= 1 ? $"{span.TotalMinutes:0.#} min" : $"{span.TotalSeconds:0.#} s";
}
