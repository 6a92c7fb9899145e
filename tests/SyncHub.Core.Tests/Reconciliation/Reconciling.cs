using Microsoft.EntityFrameworkCore;
using SyncHub.Core.Reconciliation;
using SyncHub.Data;
using SyncHub.Data.Entities;
using SyncHub.TestUtils;

namespace SyncHub.Core.Tests.Reconciliation;

/// <summary>Drives reconciliations by hand on the engine harness: start, then run the queued work in the test's own task.</summary>
internal static class Reconciling
{
    /// <summary>The day the harness's clock starts on, when every record it ingests arrives.</summary>
    public static readonly DateTimeOffset Day = new(2026, 11, 23, 0, 0, 0, TimeSpan.Zero);

    public static async Task<ReconcileRun> ReconcileAsync(this EngineHarness harness, Integration integration, DateTimeOffset? from = null, DateTimeOffset? to = null)
    {
        var started = await harness.Get<ReconcileService>().StartAsync(
            new ReconcileRequest(integration.Id, from ?? Day, to ?? Day.AddDays(1), "ops@test.local"), CancellationToken.None);
        if (!started.Started)
        {
            throw new InvalidOperationException($"Not started: {started.Errors} {started.Conflict}");
        }

        await harness.Get<ReconcileWorkRunner>().RunAsync(new ReconcileWork(started.Run!.Id, Resync: false), CancellationToken.None);
        return await harness.RunAsync(started.Run.Id);
    }

    public static async Task<ReconcileRun> ResyncAsync(this EngineHarness harness, long runId)
    {
        var started = await harness.Get<ResyncService>().StartAsync(runId, "ops@test.local", CancellationToken.None);
        if (!started.Started)
        {
            throw new InvalidOperationException($"Not started: {started.Conflict}");
        }

        await harness.Get<ReconcileWorkRunner>().RunAsync(new ReconcileWork(runId, Resync: true), CancellationToken.None);
        return await harness.RunAsync(runId);
    }

    public static async Task<ReconcileRun> RunAsync(this EngineHarness harness, long runId)
    {
        await using var db = await harness.Get<IDbContextFactory<SyncHubDbContext>>().CreateDbContextAsync();
        return await db.ReconcileRuns.AsNoTracking().SingleAsync(r => r.Id == runId);
    }

    public static Task<List<DifferenceView>> DifferencesAsync(this EngineHarness harness, long runId, ReconcileDifferenceKind? kind = null) =>
        harness.Get<ReconcileQuery>().DifferencesAsync(runId, kind, null, 200, CancellationToken.None);

    /// <summary>Test set-up: puts a record in a state directly, as a tracked save.</summary>
    public static async Task UpdateRecordAsync(this EngineHarness harness, long recordId, Action<SyncRecord> change)
    {
        await using var db = await harness.Get<IDbContextFactory<SyncHubDbContext>>().CreateDbContextAsync();
        change(await db.Records.SingleAsync(r => r.Id == recordId));
        await harness.Get<WriteGate>().WriteAsync(() => db.SaveChangesAsync());
    }

    /// <summary>Makes the integration one sync runs read (a schedule), so a reconciliation reads its source too.</summary>
    public static Task ReadByRunsAsync(this EngineHarness harness, Integration integration) =>
        harness.UpdateIntegrationAsync(integration.Id, i =>
        {
            i.Runs.Schedule = "01:00:00";
            i.Runs.ScheduleEnabled = true;
        });

    /// <summary>Test set-up: hands a reconciliation to another node, as if that node had started it.</summary>
    public static async Task SetOwnerAsync(this EngineHarness harness, long runId, string node)
    {
        await using var db = await harness.Get<IDbContextFactory<SyncHubDbContext>>().CreateDbContextAsync();
        (await db.ReconcileRuns.SingleAsync(r => r.Id == runId)).OwnerNode = node;
        await harness.Get<WriteGate>().WriteAsync(() => db.SaveChangesAsync());
    }

    public static async Task DeliverAllAsync(this EngineHarness harness)
    {
        while ((await harness.Orchestrator.DeliverDueAsync(CancellationToken.None)).Attempted > 0)
        {
        }
    }

    /// <summary>A fake-destination integration with <paramref name="count"/> invoices delivered: INV-1 … INV-n.</summary>
    public static async Task<Integration> DeliveredAsync(this EngineHarness harness, string slug, int count)
    {
        var integration = await harness.CreateIntegrationAsync(slug, connector: FakeDestinationGateway.Name);
        for (var i = 1; i <= count; i++)
        {
            await harness.IngestAsync(slug, $"INV-{i}", $$"""{"amount": {{i}}0.5, "customer": "Acme"}""");
        }

        await harness.DeliverAllAsync();
        return integration;
    }
}
