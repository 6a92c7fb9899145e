using Shouldly;
using SyncHub.Connectors;
using SyncHub.Data.Entities;
using SyncHub.TestUtils;

namespace SyncHub.Core.Tests.Runs;

public sealed class RunBreakerTests
{
    [Fact]
    public async Task MostRecordsFail_AfterTen_HaltsTheRunWithABreakerNote()
    {
        await using var engine = await EngineHarness.StartAsync();
        var integration = await engine.CreateSourceIntegrationAsync();
        var now = engine.Time.GetUtcNow();
        for (var i = 0; i < 40; i++)
        {
            engine.Source.Add($"R{i:D2}", now.AddMinutes(-100 + i));
            engine.Gateway.ThenFail(ErrorClass.Validation, "Field 'amount' is invalid", 422);
        }

        var run = await engine.RunAsync(integration.Id);

        run.Status.ShouldBe(RunStatus.Failed);
        run.Note.ShouldNotBeNull().ShouldStartWith("Circuit breaker: 10 of 10 processed records failed");
        (run.Failed, run.Processed).ShouldBe((10, 10));
        engine.Gateway.Requests.Count.ShouldBe(10);
        (await engine.IntegrationAsync(integration.Id)).Checkpoint.ShouldBeNull();
    }

    [Fact]
    public async Task HalfFail_DoesNotTrip()
    {
        await using var engine = await EngineHarness.StartAsync();
        var integration = await engine.CreateSourceIntegrationAsync();
        var now = engine.Time.GetUtcNow();
        for (var i = 0; i < 20; i++)
        {
            engine.Source.Add($"R{i:D2}", now.AddMinutes(-100 + i));
            engine.Gateway.Then(i % 2 == 0 ? DeliveryOutcome.Delivered() : DeliveryOutcome.Failed(ErrorClass.Validation, "bad", 422));
        }

        var run = await engine.RunAsync(integration.Id);

        run.Status.ShouldBe(RunStatus.CompletedWithErrors);
        (run.Created, run.Failed).ShouldBe((10, 10));
    }

    [Fact]
    public async Task Thresholds_AreConfigurable_AndTheBreakerResetsOnTheNextRun()
    {
        await using var engine = await EngineHarness.StartAsync();
        var integration = await engine.CreateSourceIntegrationAsync(i =>
        {
            i.Runs.BreakerMinimumProcessed = 20;
            i.Runs.RetryOnFailure = false;
        });
        var now = engine.Time.GetUtcNow();
        for (var i = 0; i < 30; i++)
        {
            engine.Source.Add($"R{i:D2}", now.AddMinutes(-100 + i));
        }

        for (var i = 0; i < 20; i++)
        {
            engine.Gateway.ThenFail(ErrorClass.Validation, "bad", 422);
        }

        var tripped = await engine.RunAsync(integration.Id);
        var next = await engine.RunAsync(integration.Id);

        tripped.Processed.ShouldBe(20);
        tripped.Status.ShouldBe(RunStatus.Failed);
        next.Status.ShouldBe(RunStatus.Succeeded);
        next.Created.ShouldBe(30); // the 20 that failed are tried again by the next run, with the 10 never reached
    }
}
