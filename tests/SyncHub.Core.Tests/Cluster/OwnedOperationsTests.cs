using Microsoft.EntityFrameworkCore;
using Shouldly;
using SyncHub.Core.Cluster;
using SyncHub.Core.Operations;
using SyncHub.Data;
using SyncHub.Data.Entities;
using SyncHub.TestUtils;

namespace SyncHub.Core.Tests.Cluster;

/// <summary>
/// Two nodes on one PostgreSQL database: a retry operation is driven by the node that started it; another node
/// neither resumes nor drives it while that node's lease is live, and takes it over once the lease has run out.
/// </summary>
public sealed class OwnedOperationsTests
{
    private static readonly TimeSpan PastTheLease = TimeSpan.FromSeconds(61);

    [Fact]
    public async Task TakeOverUnfinishedAsync_SecondNodeStarting_LeavesTheLiveNodesOperationAlone()
    {
        await using var first = await EngineHarness.StartAsync(postgres: true);
        await using var second = await EngineHarness.StartAsync(sameDatabaseAs: first);
        var operation = await StartOperationAsync(first, second);

        (await second.Operations.TakeOverUnfinishedAsync(CancellationToken.None)).ShouldBeEmpty();
        var run = await second.Operations.RunAsync(operation.Id, CancellationToken.None);

        run.Status.ShouldBe(OperationStatus.Running);
        run.OwnerNode.ShouldBe(first.Get<NodeIdentity>().Id);
        second.Gateway.Requests.ShouldBeEmpty("only the owner drives the operation");
        (await QueuedAsync(second, operation.Id)).ShouldBe(3);
    }

    [Fact]
    public async Task TakeOverAbandonedAsync_OwnerLeaseRanOut_SecondNodeFinishesItAndTheOldOwnerStops()
    {
        await using var first = await EngineHarness.StartAsync(postgres: true);
        await using var second = await EngineHarness.StartAsync(sameDatabaseAs: first);
        var operation = await StartOperationAsync(first, second);
        var firstRequests = first.Gateway.Requests.Count;
        second.Time.Advance(PastTheLease);
        await second.Get<NodeLeases>().BeatAsync(CancellationToken.None);

        var taken = await second.Operations.TakeOverAbandonedAsync(CancellationToken.None);
        var finished = await second.Operations.RunAsync(operation.Id, CancellationToken.None);
        var oldOwner = await first.Operations.RunAsync(operation.Id, CancellationToken.None);

        taken.ShouldBe([operation.Id]);
        (finished.Status, finished.Succeeded, finished.OwnerNode).ShouldBe((OperationStatus.Completed, 3, second.Get<NodeIdentity>().Id));
        second.Gateway.Requests.Count.ShouldBe(3);
        oldOwner.Status.ShouldBe(OperationStatus.Completed);
        first.Gateway.Requests.Count.ShouldBe(firstRequests, "the old owner retried nothing");
    }

    [Fact]
    public async Task TakeOverAbandonedAsync_TwoNodesSweeping_OnlyOneTakesTheOperation()
    {
        await using var first = await EngineHarness.StartAsync(postgres: true);
        await using var second = await EngineHarness.StartAsync(sameDatabaseAs: first);
        await using var third = await EngineHarness.StartAsync(sameDatabaseAs: first);
        var operation = await StartOperationAsync(first, second);
        foreach (var node in new[] { second, third })
        {
            node.Time.Advance(PastTheLease);
            await node.Get<NodeLeases>().BeatAsync(CancellationToken.None);
        }

        var bySecond = await second.Operations.TakeOverAbandonedAsync(CancellationToken.None);
        var byThird = await third.Operations.TakeOverAbandonedAsync(CancellationToken.None);

        bySecond.ShouldBe([operation.Id]);
        byThird.ShouldBeEmpty("the second node is live and owns it now");
    }

    [Fact]
    public async Task TakeOverAbandonedAsync_ThisNodesOwnOperation_IsNotTakenAgain()
    {
        await using var node = await EngineHarness.StartAsync(postgres: true);
        await node.Get<NodeLeases>().BeatAsync(CancellationToken.None);
        await node.CreateIntegrationAsync();
        await node.FailedRecordsAsync("books", 2);
        var operation = await node.Operations.StartAsync(RetryScope.All(), CancellationToken.None);
        node.Time.Advance(PastTheLease);

        (await node.Operations.TakeOverAbandonedAsync(CancellationToken.None)).ShouldBeEmpty();
        (await node.Operations.TakeOverUnfinishedAsync(CancellationToken.None)).ShouldBe([operation.Id]);
    }

    /// <summary>Both nodes beat; the first fails three records and starts Retry All over them (it owns the operation).</summary>
    private static async Task<RetryOperation> StartOperationAsync(EngineHarness first, EngineHarness second)
    {
        await first.Get<NodeLeases>().BeatAsync(CancellationToken.None);
        await second.Get<NodeLeases>().BeatAsync(CancellationToken.None);
        await first.CreateIntegrationAsync();
        await first.FailedRecordsAsync("books", 3);
        var operation = await first.Operations.StartAsync(RetryScope.All(), CancellationToken.None);
        operation.OwnerNode.ShouldBe(first.Get<NodeIdentity>().Id);
        return operation;
    }

    private static async Task<int> QueuedAsync(EngineHarness node, Guid operationId)
    {
        await using var db = await node.Get<IDbContextFactory<SyncHubDbContext>>().CreateDbContextAsync();
        return await db.Records.CountAsync(r => r.RetryOperationId == operationId && r.Status == RecordStatus.Failed);
    }
}
