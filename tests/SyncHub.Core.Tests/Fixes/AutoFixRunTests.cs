using Shouldly;
using SyncHub.Core.Tests.Runs;
using SyncHub.Data.Entities;
using SyncHub.TestUtils;

namespace SyncHub.Core.Tests.Fixes;

public sealed class AutoFixRunTests
{
    [Fact]
    public async Task Run_RecordRefusedForABadEmail_IsFixedAndDeliveredInTheSameRun()
    {
        await using var engine = await EngineHarness.StartAsync();
        var integration = await engine.CreateSourceIntegrationAsync();
        engine.Source.Add("A", engine.Time.GetUtcNow().AddHours(-1), """{"email":"<Ann@Example.com>"}""");
        engine.Gateway.AnswerNextFor("A", AutoFixDeliveryTests.RefusedEmail());

        var run = await engine.RunAsync(integration.Id);

        run.Status.ShouldBe(RunStatus.Succeeded);
        (run.Created, run.Failed).ShouldBe((1, 0));
        var record = (await engine.RecordsAsync(integration.Id)).ShouldHaveSingleItem();
        record.Status.ShouldBe(RecordStatus.Delivered);
        record.Payload.ShouldBe("""{"email":"ann@example.com"}""");
        engine.Gateway.RequestsFor(record.Id).Count.ShouldBe(2);
    }
}
