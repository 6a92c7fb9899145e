using Shouldly;
using SyncHub.Connectors;
using SyncHub.Data.Entities;
using SyncHub.TestUtils;

namespace SyncHub.Core.Tests.Delivery;

/// <summary>A connector that hangs, returns nothing or throws is contained at the gateway boundary.</summary>
public sealed class MisbehavingConnectorTests
{
    [Fact]
    public async Task DeliverDue_ConnectorHangs_CallTimesOutAsTransientAndIsRescheduled()
    {
        await using var engine = await EngineHarness.StartAsync();
        await engine.CreateIntegrationAsync();
        var id = await engine.IngestAsync("books", "HANG-1");
        engine.Gateway.Hold();

        var delivery = engine.Orchestrator.DeliverDueAsync(CancellationToken.None);
        await engine.Gateway.Arrived.WaitAsync(TimeSpan.FromSeconds(10));
        engine.Time.Advance(TimeSpan.FromSeconds(31));
        var batch = await delivery.WaitAsync(TimeSpan.FromSeconds(10));

        batch.Failed.ShouldBe(1);
        var record = await engine.RecordAsync(id);
        record.LastErrorClass.ShouldBe(ErrorClass.Transient);
        record.LastErrorMessage!.ShouldContain("Timed out");
        record.NextAttemptAt.ShouldNotBeNull();
    }

    [Fact]
    public async Task DeliverDue_ConnectorReturnsNoOutcome_RecordedAsConnectorFault()
    {
        await using var engine = await EngineHarness.StartAsync();
        await engine.CreateIntegrationAsync();
        var id = await engine.IngestAsync("books", "NULL-1");
        engine.Gateway.ThenReturnNothing();

        await engine.Orchestrator.DeliverDueAsync(CancellationToken.None);

        var record = await engine.RecordAsync(id);
        record.Status.ShouldBe(RecordStatus.Failed);
        record.LastErrorClass.ShouldBe(ErrorClass.ConnectorFault);
    }

    [Fact]
    public async Task DeliverDue_ConnectorNotLoaded_FailsAsConnectorFaultWithoutRetrying()
    {
        await using var engine = await EngineHarness.StartAsync();
        await engine.CreateIntegrationAsync();
        var id = await engine.IngestAsync("books", "GONE-1");
        await using (var db = await engine.Get<Microsoft.EntityFrameworkCore.IDbContextFactory<Data.SyncHubDbContext>>().CreateDbContextAsync())
        {
            var integration = db.Integrations.Single();
            integration.Connector = "uninstalled";
            await engine.Get<Data.WriteGate>().WriteAsync(() => db.SaveChangesAsync());
        }

        await engine.Orchestrator.DeliverDueAsync(CancellationToken.None);

        var record = await engine.RecordAsync(id);
        record.LastErrorClass.ShouldBe(ErrorClass.ConnectorFault);
        record.LastErrorMessage!.ShouldContain("not loaded");
        record.NextAttemptAt.ShouldBeNull();
    }
}
