using Microsoft.EntityFrameworkCore;
using Shouldly;
using SyncHub.Data.Entities;
using SyncHub.TestUtils;
using Xunit;

namespace SyncHub.Core.Tests.Alerts;

public sealed class DeliveryLagRuleTests
{
    private const string Rule = "delivery-lag";

    [Fact]
    public async Task Evaluate_UnscheduledRecordWaitsPastDefaultLimit_OpensThenResolvesWhenDelivered()
    {
        await using var harness = await EngineHarness.StartAsync();
        await harness.CreateIntegrationAsync("books");
        await harness.IngestAsync("books", "INV-1");

        harness.Time.Advance(TimeSpan.FromMinutes(31));
        await harness.EvaluateAsync();

        (await harness.OpenAlertsAsync(Rule)).ShouldHaveSingleItem().Detail!.ShouldContain("limit 30 min");

        await harness.Orchestrator.DeliverDueAsync(CancellationToken.None);
        await harness.EvaluateAsync();
        (await harness.AlertsAsync(Rule)).ShouldHaveSingleItem().Status.ShouldBe(AlertStatus.Resolved);
    }

    [Fact]
    public async Task Evaluate_ScheduledIntegration_UsesTwiceTheInterval()
    {
        await using var harness = await EngineHarness.StartAsync();
        var books = await harness.CreateIntegrationAsync("books");
        await harness.UpdateIntegrationAsync(books.Id, i =>
        {
            i.Runs.Schedule = "00:05:00";
            i.Runs.ScheduleEnabled = true;
        });
        await harness.IngestAsync("books", "INV-1");

        harness.Time.Advance(TimeSpan.FromMinutes(9));
        await harness.EvaluateAsync();
        (await harness.AlertsAsync(Rule)).ShouldBeEmpty();

        harness.Time.Advance(TimeSpan.FromMinutes(2));
        await harness.EvaluateAsync();
        (await harness.OpenAlertsAsync(Rule)).ShouldHaveSingleItem().Detail!.ShouldContain("limit 10 min");
    }

    [Fact]
    public async Task Evaluate_FreshRecord_DoesNotAlert()
    {
        await using var harness = await EngineHarness.StartAsync();
        await harness.CreateIntegrationAsync("books");
        await harness.IngestAsync("books", "INV-1");

        harness.Time.Advance(TimeSpan.FromMinutes(5));
        await harness.EvaluateAsync();

        (await harness.AlertsAsync(Rule)).ShouldBeEmpty();
        await using var db = await harness.Db();
        (await db.Records.CountAsync(r => r.Status == RecordStatus.Pending)).ShouldBe(1);
    }
}
