using Microsoft.EntityFrameworkCore;
using Shouldly;
using SyncHub.Core.Failures;
using SyncHub.Core.Reconciliation;
using SyncHub.Data;
using SyncHub.Data.Entities;
using SyncHub.TestUtils;

namespace SyncHub.Core.Tests.Reconciliation;

public sealed class ResyncTests
{
    [Fact]
    public async Task Resync_MissingAndDifferent_QueuedAsNewVersions_DeliveredAgain_AndTheNextReconciliationMatches()
    {
        await using var harness = await EngineHarness.StartAsync();
        var integration = await harness.DeliveredAsync("resync-basic", 3);
        harness.Destination.Lose("INV-1").Change("INV-2", "amount", "99");
        var run = await harness.ReconcileAsync(integration);

        var resynced = await harness.ResyncAsync(run.Id);

        (resynced.ResyncStatus, resynced.ResyncTotal, resynced.ResyncQueued, resynced.ResyncLeft).ShouldBe((ReconcileResyncStatus.Completed, 2, 2, 0));
        var first = await harness.RecordAsync((await harness.DifferencesAsync(run.Id, ReconcileDifferenceKind.Missing)).Single().RecordId!.Value);
        (first.Status, first.PayloadVersion, first.OutcomeUnknown).ShouldBe((RecordStatus.Pending, 2, false));
        await using (var db = await harness.Get<IDbContextFactory<SyncHubDbContext>>().CreateDbContextAsync())
        {
            var changes = await db.RecordChanges.Where(c => c.Kind == RecordChangeKind.Resync).OrderBy(c => c.RecordId).ToListAsync();
            changes.Select(c => (c.FromVersion, c.ToVersion, c.Actor)).ShouldBe([(1, 2, "ops@test.local"), (1, 2, "ops@test.local")]);
            changes[0].Detail.ShouldStartWith($"Missing at the destination, found by reconciliation #{run.Id}");
            changes[1].Detail.ShouldStartWith("Different at the destination (amount)");
        }

        await harness.DeliverAllAsync();
        harness.Destination.Deliveries.Where(d => d.SourceId is "INV-1" or "INV-2").Select(d => d.IdempotencyKey.Split('.')[1]).ShouldBe(["1", "1", "2", "2"], ignoreOrder: true);
        var again = await harness.ReconcileAsync(integration);
        (again.Matching, again.Missing, again.Different).ShouldBe((3, 0, 0));
        var progress = await harness.Get<ReconcileQuery>().ProgressAsync(resynced, CancellationToken.None);
        (progress.Delivered, progress.Failed, progress.Waiting).ShouldBe((2, 0, 0));
    }

    [Fact]
    public async Task Resync_ARecordOnlyTheSourceHad_IsCreatedFromItsPayloadAndDelivered()
    {
        await using var harness = await EngineHarness.StartAsync();
        var integration = await harness.DeliveredAsync("resync-create", 1);
        harness.Destination.AddSource("NEW-1", Reconciling.Day.AddHours(3), """{"amount": 5}""");
        await harness.ReadByRunsAsync(integration);
        var run = await harness.ReconcileAsync(integration);

        await harness.ResyncAsync(run.Id);
        await harness.DeliverAllAsync();

        var row = (await harness.DifferencesAsync(run.Id, ReconcileDifferenceKind.Missing)).Single();
        row.Resync.ShouldBe(DifferenceResync.Queued);
        var record = await harness.RecordAsync(row.RecordId!.Value);
        (record.SourceId, record.Payload, record.Status, record.SourceChangedAt).ShouldBe(("NEW-1", """{"amount": 5}""", RecordStatus.Delivered, Reconciling.Day.AddHours(3)));
        harness.Destination.Held.ShouldContain("NEW-1");
    }

    [Fact]
    public async Task Resync_RecordsSomethingElseHasInHand_AreLeftWithTheirReason()
    {
        await using var harness = await EngineHarness.StartAsync();
        var integration = await harness.DeliveredAsync("resync-left", 3);
        harness.Destination.Lose("INV-1").Lose("INV-2").Lose("INV-3");
        var run = await harness.ReconcileAsync(integration);
        var rows = await harness.DifferencesAsync(run.Id);
        await harness.Get<RecordActionService>().ArchiveAsync([rows[0].RecordId!.Value], "ops", null, CancellationToken.None);
        await harness.IngestAsync("resync-left", "INV-2", """{"amount": 77}""");
        await harness.DeliverAllAsync();
        await harness.UpdateRecordAsync(rows[2].RecordId!.Value, r => r.Status = RecordStatus.Dismissed);

        var resynced = await harness.ResyncAsync(run.Id);

        (resynced.ResyncQueued, resynced.ResyncLeft).ShouldBe((1, 2));
        var after = (await harness.DifferencesAsync(run.Id)).ToDictionary(r => r.SourceId!);
        after["INV-1"].Resync.ShouldBe(DifferenceResync.Queued);
        (await harness.RecordAsync(after["INV-1"].RecordId!.Value)).ArchivedAt.ShouldBeNull();
        after["INV-2"].ResyncNote.ShouldBe("Changed since the comparison (version 1, now 2); reconcile again.");
        after["INV-3"].ResyncNote.ShouldBe("Dismissed by an administrator, so it was not resynced.");
        resynced.ResyncNote.ShouldBe("Queued 1 for delivery; 2 left as they were, each with its reason.");
    }

    [Fact]
    public async Task Resync_DifferentWhereAResendWouldAddASecondCopy_IsNotResyncable()
    {
        await using var harness = await EngineHarness.StartAsync();
        harness.Destination.Replaces = false;
        var integration = await harness.DeliveredAsync("resync-create-only", 1);
        harness.Destination.Change("INV-1", "amount", "1");
        var run = await harness.ReconcileAsync(integration);

        var started = await harness.Get<ResyncService>().StartAsync(run.Id, "ops", CancellationToken.None);

        var row = (await harness.DifferencesAsync(run.Id)).Single();
        (row.Kind, row.Resyncable).ShouldBe((ReconcileDifferenceKind.Different, false));
        row.Note.ShouldNotBeNull().ShouldStartWith("Not resynced: sending it again through the 'fake-destination' connector would add a second copy");
        started.Conflict.ShouldNotBeNull().ShouldStartWith("Nothing to resync");
        harness.Destination.Deliveries.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Resync_Cancelled_StopsBetweenChunksAndLeavesTheRestUntouched()
    {
        await using var harness = await EngineHarness.StartAsync(settings: new Dictionary<string, string?> { ["SyncHub:Reconciliation:ResyncChunkSize"] = "1" });
        var integration = await harness.DeliveredAsync("resync-cancel", 3);
        harness.Destination.Lose("INV-1").Lose("INV-2").Lose("INV-3");
        var run = await harness.ReconcileAsync(integration);
        await harness.Get<ResyncService>().StartAsync(run.Id, "ops", CancellationToken.None);

        (await harness.Get<ReconcileService>().CancelAsync(run.Id, "ops", CancellationToken.None)).ShouldBeTrue();
        await harness.Get<ReconcileWorkRunner>().RunAsync(new ReconcileWork(run.Id, Resync: true), CancellationToken.None);

        var ended = await harness.RunAsync(run.Id);
        (ended.ResyncStatus, ended.ResyncQueued).ShouldBe((ReconcileResyncStatus.Cancelled, 0));
        (await harness.DifferencesAsync(run.Id)).ShouldAllBe(r => r.Resync == DifferenceResync.None);
        (await harness.AuditLogAsync()).Select(a => a.Action).ShouldContain(ReconcileAuditActions.Cancel);
    }

    [Fact]
    public async Task Resync_Twice_IsRefused()
    {
        await using var harness = await EngineHarness.StartAsync();
        var integration = await harness.DeliveredAsync("resync-twice", 1);
        harness.Destination.Lose("INV-1");
        var run = await harness.ReconcileAsync(integration);
        await harness.ResyncAsync(run.Id);

        var again = await harness.Get<ResyncService>().StartAsync(run.Id, "ops", CancellationToken.None);

        again.Conflict.ShouldNotBeNull().ShouldStartWith("This reconciliation was already resynced");
        (await harness.AuditLogAsync()).Count(a => a.Action == ReconcileAuditActions.Resync).ShouldBe(1);
    }

    [Fact]
    public async Task Resync_FailedDelivery_CountsAsFailedInTheProgress()
    {
        await using var harness = await EngineHarness.StartAsync();
        var integration = await harness.DeliveredAsync("resync-progress", 2);
        harness.Destination.Lose("INV-1").Lose("INV-2");
        var run = await harness.ReconcileAsync(integration);
        var resynced = await harness.ResyncAsync(run.Id);
        var query = harness.Get<ReconcileQuery>();

        var waiting = await query.ProgressAsync(resynced, CancellationToken.None);
        var rows = await harness.DifferencesAsync(run.Id);
        await harness.UpdateRecordAsync(rows[0].RecordId!.Value, r => r.Status = RecordStatus.Failed);
        await harness.UpdateRecordAsync(rows[1].RecordId!.Value, r => r.Status = RecordStatus.Delivered);
        var settled = await query.ProgressAsync(resynced, CancellationToken.None);

        (waiting.Waiting, waiting.Delivered).ShouldBe((2, 0));
        (settled.Delivered, settled.Failed, settled.Waiting, settled.Handled).ShouldBe((1, 1, 0, 2));
    }
}
