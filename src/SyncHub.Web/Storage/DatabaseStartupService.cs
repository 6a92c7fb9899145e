using Microsoft.EntityFrameworkCore;
using SyncHub.Core.Cluster;
using SyncHub.Core.Demo;
using SyncHub.Core.Recovery;
using SyncHub.Core.Redaction;
using SyncHub.Core.Runs;
using SyncHub.Data;

namespace SyncHub.Web.Storage;

/// <summary>
/// Runs before the scheduler starts: migrates the database, removes credentials from provider text stored before it
/// was redacted on the way in (once), returns records a crash left in flight to the
/// queue, ends runs a crash interrupted (retrying them by their policy), and seeds the demo on an empty database.
/// On PostgreSQL the node first records its heartbeat, so no other node takes its claims for a dead node's.
/// </summary>
internal sealed class DatabaseStartupService(
    IDbContextFactory<SyncHubDbContext> dbFactory, WriteGate writes, StoredTextRedaction redaction, InFlightRecovery recovery, RunRecovery runRecovery, DemoSeeder demo, NodeLeases leases) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            await DatabaseInitializer.InitializeAsync(db, writes, cancellationToken);
            if (db.Database.IsPostgres())
            {
                await leases.BeatAsync(cancellationToken);
            }
        }

        await redaction.RunOnceAsync(cancellationToken);
        await recovery.RecoverAsync(cancellationToken);
        await runRecovery.RecoverAsync(cancellationToken);
        await demo.SeedAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
