using Shouldly;
using SyncHub.Core.Breakers;
using SyncHub.Data.Entities;
using SyncHub.TestUtils;
using Xunit;

namespace SyncHub.Core.Tests.Alerts;

public sealed class BreakerOpenRuleTests
{
    private const string Rule = "breaker-open";

    [Fact]
    public async Task Evaluate_BreakerNotClosedForTenMinutes_OpensThenResolvesWhenItCloses()
    {
        await using var harness = await EngineHarness.StartAsync(breakers: true);
        var books = await harness.CreateIntegrationAsync("books");
        var target = BreakerTarget.Of(books);
        var breakers = harness.Get<BreakerRegistry>();
        Trip(breakers, target);

        harness.Time.Advance(TimeSpan.FromMinutes(5));
        await harness.EvaluateAsync();
        (await harness.AlertsAsync(Rule)).ShouldBeEmpty();

        harness.Time.Advance(TimeSpan.FromMinutes(6));
        await harness.EvaluateAsync();
        (await harness.OpenAlertsAsync(Rule)).ShouldHaveSingleItem().Subject.ShouldBe("books");

        breakers.Probes.TryBegin(target).ShouldBeTrue();
        breakers.Probes.Assign(target, 999);
        breakers.Report(target, 999, BreakerVerdict.Healthy);
        await harness.EvaluateAsync();
        (await harness.AlertsAsync(Rule)).ShouldHaveSingleItem().Status.ShouldBe(AlertStatus.Resolved);
    }

    [Fact]
    public async Task Evaluate_SingleFailure_DoesNotAlert()
    {
        await using var harness = await EngineHarness.StartAsync(breakers: true);
        var books = await harness.CreateIntegrationAsync("books");
        harness.Get<BreakerRegistry>().Report(BreakerTarget.Of(books), 1, BreakerVerdict.Unhealthy);

        harness.Time.Advance(TimeSpan.FromMinutes(30));
        await harness.EvaluateAsync();

        (await harness.AlertsAsync(Rule)).ShouldBeEmpty();
    }

    private static void Trip(BreakerRegistry breakers, BreakerTarget target)
    {
        for (var i = 0; i < 5; i++)
        {
            breakers.Report(target, i + 1, BreakerVerdict.Unhealthy);
        }

        breakers.IsOpen(target).ShouldBeTrue();
    }
}
