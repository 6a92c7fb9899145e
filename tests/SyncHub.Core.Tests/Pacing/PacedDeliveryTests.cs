using Shouldly;
using SyncHub.Connectors;
using SyncHub.Core.Pacing;
using SyncHub.Data.Entities;
using SyncHub.TestUtils;

namespace SyncHub.Core.Tests.Pacing;

/// <summary>The engine keeps to a connector's declared limits, and a 429 with Retry-After pauses the integration, not just the record.</summary>
public sealed class PacedDeliveryTests
{
    [Fact]
    public async Task DailyLimitSpent_TheRestWaitWithoutAttempts_AndGoOutAfterTheReset()
    {
        await using var engine = await EngineHarness.StartAsync(concurrency: 1);
        engine.Gateway.Info = engine.Gateway.Info with { RateLimits = new ConnectorRateLimits { PerDay = 3 } };
        await engine.CreateIntegrationAsync();
        var ids = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(await engine.IngestAsync("books", $"INV-{i}"));
        }

        await DeliverAllAsync(engine);

        engine.Gateway.Requests.Count.ShouldBe(3);
        var waiting = ids.Skip(3).ToList();
        foreach (var id in waiting)
        {
            (await engine.RecordAsync(id)).Status.ShouldBe(RecordStatus.Pending);
            (await engine.AttemptsAsync(id)).ShouldBeEmpty();
        }

        engine.Time.SetUtcNow(new DateTimeOffset(2026, 11, 24, 0, 0, 1, TimeSpan.Zero));
        await DeliverAllAsync(engine);

        engine.Gateway.Requests.Count.ShouldBe(5);
    }

    [Fact]
    public async Task RateLimitedWithRetryAfter_PausesTheIntegration()
    {
        await using var engine = await EngineHarness.StartAsync(concurrency: 1);
        var integration = await engine.CreateIntegrationAsync();
        engine.Gateway.ThenFail(ErrorClass.RateLimited, "Daily limit (X-Rate-Limit-Problem: day)", 429, TimeSpan.FromHours(3));
        await engine.IngestAsync("books", "INV-1");
        var second = await engine.IngestAsync("books", "INV-2");

        await DeliverAllAsync(engine);

        engine.Gateway.Requests.Count.ShouldBe(1);
        (await engine.AttemptsAsync(second)).ShouldBeEmpty();
        engine.Get<ConnectionPauses>().For(integration.Id).ShouldNotBeNull().Reason.ShouldContain("429");

        engine.Time.Advance(TimeSpan.FromHours(3) + TimeSpan.FromSeconds(1));
        await DeliverAllAsync(engine);
        (await engine.RecordAsync(second)).Status.ShouldBe(RecordStatus.Delivered);
    }

    private static async Task DeliverAllAsync(EngineHarness engine)
    {
        while ((await engine.Orchestrator.DeliverDueAsync(CancellationToken.None)).Attempted > 0)
        {
        }
    }
}
