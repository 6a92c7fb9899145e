using Shouldly;
using SyncHub.Core.Cluster;
using SyncHub.Core.Runs;
using SyncHub.Core.Tests.Runs;
using SyncHub.Data.Entities;
using SyncHub.TestUtils;

namespace SyncHub.Core.Tests.Cluster;

/// <summary>
/// Two nodes on one PostgreSQL database: a run belongs to the node that started it, and another node ends it as
/// interrupted only once that node's lease has run out.
/// </summary>
public sealed class OwnedRunsTests
{
    private static readonly TimeSpan PastTheLease = TimeSpan.FromSeconds(61);

    [Fact]
    public async Task RecoverAsync_SecondNodeStarting_LeavesTheLiveNodesRunRunning()
    {
        await using var first = await EngineHarness.StartAsync(postgres: true);
        await using var second = await EngineHarness.StartAsync(sameDatabaseAs: first);
        var run = await StartRunAsync(first);
        await second.Get<NodeLeases>().BeatAsync(CancellationToken.None);

        var ended = await second.Get<RunRecovery>().RecoverAsync(CancellationToken.None);

        ended.ShouldBe(0);
        var stored = await second.RunRecordAsync(run.Id);
        stored.Status.ShouldBe(RunStatus.Running);
        stored.OwnerNode.ShouldBe(first.Get<NodeIdentity>().Id);
    }

    [Fact]
    public async Task RecoverAbandonedAsync_OwnerLeaseRanOut_EndsTheRunOnce()
    {
        await using var first = await EngineHarness.StartAsync(postgres: true);
        await using var second = await EngineHarness.StartAsync(sameDatabaseAs: first);
        var run = await StartRunAsync(first);
        second.Time.Advance(PastTheLease);
        await second.Get<NodeLeases>().BeatAsync(CancellationToken.None);

        var ended = await second.Get<RunRecovery>().RecoverAbandonedAsync(CancellationToken.None);
        var again = await second.Get<RunRecovery>().RecoverAbandonedAsync(CancellationToken.None);

        (ended, again).ShouldBe((1, 0));
        var stored = await second.RunRecordAsync(run.Id);
        stored.Status.ShouldBe(RunStatus.Failed);
        stored.Note.ShouldBe(RunRecovery.InterruptedNote);
    }

    [Fact]
    public async Task RecoverAbandonedAsync_ThisNodesOwnRun_IsLeftRunning()
    {
        await using var node = await EngineHarness.StartAsync(postgres: true);
        var run = await StartRunAsync(node);
        node.Time.Advance(PastTheLease);

        (await node.Get<RunRecovery>().RecoverAbandonedAsync(CancellationToken.None)).ShouldBe(0);

        (await node.RunRecordAsync(run.Id)).Status.ShouldBe(RunStatus.Running);
    }

    [Fact]
    public async Task RecoverAsync_RestartedNodeWithTheSameId_EndsItsOwnRunAtOnce()
    {
        var settings = new Dictionary<string, string?> { ["SyncHub:Cluster:NodeId"] = "node-a" };
        await using var before = await EngineHarness.StartAsync(postgres: true, settings: settings);
        var run = await StartRunAsync(before);
        await using var restarted = await EngineHarness.StartAsync(sameDatabaseAs: before, settings: settings);

        (await restarted.Get<RunRecovery>().RecoverAsync(CancellationToken.None)).ShouldBe(1);

        (await restarted.RunRecordAsync(run.Id)).Status.ShouldBe(RunStatus.Failed);
    }

    private static async Task<SyncRun> StartRunAsync(EngineHarness node)
    {
        await node.Get<NodeLeases>().BeatAsync(CancellationToken.None);
        var integration = await node.CreateSourceIntegrationAsync();
        var started = await node.Get<RunService>().StartAsync(new RunRequest(integration.Id, RunTrigger.Manual, RunMode.Incremental), CancellationToken.None);
        return started.Run.ShouldNotBeNull();
    }
}
