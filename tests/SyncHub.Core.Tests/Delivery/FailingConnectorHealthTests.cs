using Shouldly;
using SyncHub.Core.Plugins;
using SyncHub.Core.Queries;
using SyncHub.Data.Entities;
using SyncHub.TestUtils;

namespace SyncHub.Core.Tests.Delivery;

/// <summary>A connector that throws on every call is marked unhealthy with its error, while the others keep delivering.</summary>
public sealed class FailingConnectorHealthTests
{
    [Fact]
    public async Task DeliverDue_ConnectorThrowsOnEveryCall_UnhealthyWithTheReasonOthersDeliverAndAnAnswerHealsIt()
    {
        await using var engine = await EngineHarness.StartAsync(concurrency: 1);
        await engine.CreateIntegrationAsync("books");
        await engine.CreateIntegrationAsync("shop", connector: FakeLookupGateway.Name);
        var broken = new List<long>();
        for (var i = 0; i < ConnectorFaults.Threshold; i++)
        {
            broken.Add(await engine.IngestAsync("books", $"B-{i}"));
            engine.Gateway.ThenThrow(new InvalidOperationException("plugin bug <script>"));
        }

        var healthy = await engine.IngestAsync("shop", "S-1");

        await engine.Orchestrator.DeliverDueAsync(CancellationToken.None);

        var problem = engine.Get<IConnectorCatalog>().Problems.ShouldHaveSingleItem();
        problem.Connector.ShouldBe(FakeGateway.Name);
        problem.Reason.ShouldContain($"last {ConnectorFaults.Threshold} calls");
        problem.Reason.ShouldContain("InvalidOperationException: plugin bug <script>");
        var statuses = await engine.Get<IntegrationStatusQuery>().ListAsync(CancellationToken.None);
        statuses.Single(s => s.Slug == "books").ConnectorProblem.ShouldBe(problem.Reason);
        statuses.Single(s => s.Slug == "shop").ConnectorProblem.ShouldBeNull();
        foreach (var id in broken)
        {
            (await engine.RecordAsync(id)).Status.ShouldBe(RecordStatus.Failed);
        }

        (await engine.RecordAsync(healthy)).Status.ShouldBe(RecordStatus.Delivered);

        await engine.IngestAsync("books", "B-fixed");
        await engine.Orchestrator.DeliverDueAsync(CancellationToken.None);

        engine.Get<IConnectorCatalog>().Problems.ShouldBeEmpty();
    }

    [Fact]
    public async Task DeliverDue_ConnectorThrowsOnFewerCallsThanTheThreshold_StaysHealthy()
    {
        await using var engine = await EngineHarness.StartAsync(concurrency: 1);
        await engine.CreateIntegrationAsync("books");
        for (var i = 0; i < ConnectorFaults.Threshold - 1; i++)
        {
            await engine.IngestAsync("books", $"B-{i}");
            engine.Gateway.ThenThrow(new InvalidOperationException("one bad record"));
        }

        await engine.Orchestrator.DeliverDueAsync(CancellationToken.None);

        engine.Get<IConnectorCatalog>().Problems.ShouldBeEmpty();
    }
}
