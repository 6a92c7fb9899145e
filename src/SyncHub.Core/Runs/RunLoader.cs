using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SyncHub.Connectors;
using SyncHub.Core.Integrations;
using SyncHub.Core.Plugins;
using SyncHub.Data;
using SyncHub.Data.Entities;
using SyncHub.Plugins.Protocol;

namespace SyncHub.Core.Runs;

/// <summary>
/// Loads a running run with what it reads through: the integration, its decrypted settings, the source (guarded so
/// secrets never reach the run's notes) and the window it reads.
/// </summary>
public sealed class RunLoader(
    IDbContextFactory<SyncHubDbContext> dbFactory, IConnectorCatalog catalog, SettingsProtector settingsProtector, RunFinisher finisher,
    ILogger<RunLoader> logger)
{
    /// <summary>Null when the run is not running any more, or its connector cannot read (then the run is ended as failed).</summary>
    internal async Task<RunContext?> LoadAsync(long runId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var run = await db.Runs.AsNoTracking().SingleAsync(r => r.Id == runId, cancellationToken);
        if (run.Status != RunStatus.Running)
        {
            return null;
        }

        var integration = await db.Integrations.AsNoTracking().SingleAsync(i => i.Id == run.IntegrationId, cancellationToken);
        var gateway = catalog.Find(integration.Connector);
        if (gateway is null || !gateway.Has(ConnectorCapabilities.Source))
        {
            await finisher.FinishAsync(new RunContext(run, integration, null!, null, ConnectorSettings.Empty),
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

    public async Task<SyncRun> FindAsync(long runId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Runs.AsNoTracking().SingleAsync(r => r.Id == runId, cancellationToken);
    }

    /// <summary>Incremental: since the checkpoint; date range: the range; full: everything. Never before the cut-off date.</summary>
    internal static (DateTimeOffset? From, DateTimeOffset? To) Window(SyncRun run, Integration integration)
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
}
