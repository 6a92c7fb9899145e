using Shouldly;
using SyncHub.Core.Reconciliation;
using SyncHub.Data.Entities;
using SyncHub.TestUtils;

namespace SyncHub.Core.Tests.Reconciliation;

public sealed class ReconcileServiceTests
{
    [Fact]
    public async Task Start_ConnectorThatCannotReadItsDestination_RefusedNamingTheIntegration()
    {
        await using var harness = await EngineHarness.StartAsync();
        var integration = await harness.CreateIntegrationAsync("recon-unsupported");

        var result = await Start(harness, integration.Id, Reconciling.Day, Reconciling.Day.AddDays(1));

        result.Errors!.ToDictionary()["integration"].ShouldBe(["The 'fake' connector cannot read its destination, so this integration cannot be reconciled."]);
    }

    [Fact]
    public async Task Start_SettingsThatCannotReadTheDestination_RefusedWithTheHint()
    {
        await using var harness = await EngineHarness.StartAsync();
        harness.Destination.Mode = Connectors.DestinationReadMode.None;
        var integration = await harness.CreateIntegrationAsync("recon-none", connector: FakeDestinationGateway.Name);

        var result = await Start(harness, integration.Id, Reconciling.Day, Reconciling.Day.AddDays(1));

        result.Errors!.ToDictionary()["integration"].Single().ShouldContain("cannot read the destination");
    }

    [Fact]
    public async Task Start_ConnectorThrowsSayingHowItReads_RefusedInsteadOfFailing()
    {
        await using var harness = await EngineHarness.StartAsync();
        harness.Destination.ReadModeThrows = true;
        var integration = await harness.CreateIntegrationAsync("recon-throws", connector: FakeDestinationGateway.Name);

        var result = await Start(harness, integration.Id, Reconciling.Day, Reconciling.Day.AddDays(1));

        result.Errors!.ToDictionary()["integration"].ShouldBe(["The 'fake-destination' connector failed to say how it reads its destination: InvalidOperationException."]);
    }

    [Theory]
    [InlineData(0, "must be after 'from'.")]
    [InlineData(367, "must be at most 366 days after 'from'; reconcile a long period in parts.")]
    public async Task Start_BadRange_RefusedNamingTo(int days, string message)
    {
        await using var harness = await EngineHarness.StartAsync();
        var integration = await harness.CreateIntegrationAsync("recon-range-" + days, connector: FakeDestinationGateway.Name);

        var result = await Start(harness, integration.Id, Reconciling.Day, Reconciling.Day.AddDays(days));

        result.Errors!.ToDictionary()["to"].ShouldBe([message]);
    }

    [Fact]
    public async Task Start_WhileOneRuns_ConflictNamingIt_AndAuditedOnce()
    {
        await using var harness = await EngineHarness.StartAsync();
        var integration = await harness.CreateIntegrationAsync("recon-overlap", connector: FakeDestinationGateway.Name);

        var first = await Start(harness, integration.Id, Reconciling.Day, Reconciling.Day.AddDays(1));
        var second = await Start(harness, integration.Id, Reconciling.Day, Reconciling.Day.AddDays(1));

        first.Started.ShouldBeTrue();
        second.Conflict.ShouldBe($"Reconciliation #{first.Run!.Id} of this integration is still running; reconciliations of one integration never overlap.");
        var audit = (await harness.AuditLogAsync()).Where(a => a.Action == ReconcileAuditActions.Start).ShouldHaveSingleItem();
        (audit.Actor, audit.Target).ShouldBe(("ops", $"reconciliation {first.Run.Id}"));
        audit.Detail.ShouldBe("integration recon-overlap from 2026-11-23 00:00 to 2026-11-24 00:00 UTC");
    }

    [Fact]
    public async Task Start_BeyondTheKeptNumber_DeletesTheOldestWithTheirDifferences()
    {
        await using var harness = await EngineHarness.StartAsync(settings: new Dictionary<string, string?> { ["SyncHub:Reconciliation:KeepPerIntegration"] = "2" });
        var integration = await harness.DeliveredAsync("recon-keep", 1);
        harness.Destination.Lose("INV-1");

        var first = await harness.ReconcileAsync(integration);
        var second = await harness.ReconcileAsync(integration);
        var third = await harness.ReconcileAsync(integration);

        var kept = await harness.Get<ReconcileQuery>().PageAsync(integration.Id, null, 10, CancellationToken.None);
        kept.Select(r => r.Run.Id).ShouldBe([third.Id, second.Id]);
        (await harness.DifferencesAsync(first.Id)).ShouldBeEmpty();
        (await harness.DifferencesAsync(third.Id)).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Recover_AComparisonAndAResyncARestartInterrupted_EndsOneAndResumesTheOther()
    {
        await using var harness = await EngineHarness.StartAsync();
        var integration = await harness.DeliveredAsync("recon-recover", 1);
        var other = await harness.DeliveredAsync("recon-recover-2", 0);
        harness.Destination.Lose("INV-1");
        var compared = await harness.ReconcileAsync(integration);
        await harness.Get<ResyncService>().StartAsync(compared.Id, "ops", CancellationToken.None);
        var interrupted = await Start(harness, other.Id, Reconciling.Day, Reconciling.Day.AddDays(1));

        await harness.SetOwnerAsync(compared.Id, "node-that-died");
        await harness.SetOwnerAsync(interrupted.Run!.Id, "node-that-died");

        var recovered = await harness.Get<ReconcileRecovery>().RecoverAsync(CancellationToken.None);

        recovered.ShouldBe(2);
        var ended = await harness.RunAsync(interrupted.Run.Id);
        (ended.Status, ended.Note).ShouldBe((ReconcileStatus.Failed, ReconcileRecovery.InterruptedNote));
        var resumed = await harness.RunAsync(compared.Id);
        (resumed.ResyncStatus, resumed.OwnerNode).ShouldBe((ReconcileResyncStatus.Running, harness.Get<SyncHub.Core.Cluster.NodeIdentity>().Id));
        await harness.Get<ReconcileWorkRunner>().RunAsync(new ReconcileWork(compared.Id, Resync: true), CancellationToken.None);
        (await harness.RunAsync(compared.Id)).ResyncQueued.ShouldBe(1);
    }

    private static Task<ReconcileStartResult> Start(EngineHarness harness, int integrationId, DateTimeOffset from, DateTimeOffset to) =>
        harness.Get<ReconcileService>().StartAsync(new ReconcileRequest(integrationId, from, to, "ops"), CancellationToken.None);
}
