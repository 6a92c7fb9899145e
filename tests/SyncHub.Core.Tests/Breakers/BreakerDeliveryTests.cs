using Microsoft.EntityFrameworkCore;
using Shouldly;
using SyncHub.Connectors;
using SyncHub.Core.Breakers;
using SyncHub.Data;
using SyncHub.Data.Entities;
using SyncHub.TestUtils;

namespace SyncHub.Core.Tests.Breakers;

/// <summary>The engine behind the breakers: what is claimed, sent and written while a destination is down.</summary>
public sealed class BreakerDeliveryTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task DeliverDue_FiveTransientFailures_OpensAndHandsTheRestOfTheBatchBackUnsent()
    {
        await using var engine = await StartAsync();
        var books = await engine.CreateIntegrationAsync("books");
        var ids = await IngestAsync(engine, "books", 8);
        var due = (await engine.RecordAsync(ids[7])).NextAttemptAt;
        FailNext(engine, 8);

        await engine.Orchestrator.DeliverDueAsync(None);

        engine.Gateway.Requests.Count.ShouldBe(5);
        var breaker = Registry(engine).Describe(BreakerTarget.Of(books)).Integration;
        breaker.State.ShouldBe(BreakerState.Open);
        breaker.NextProbeAt.ShouldBe(engine.Time.GetUtcNow().AddSeconds(30));
        foreach (var id in ids[5..])
        {
            var record = await engine.RecordAsync(id);
            record.Status.ShouldBe(RecordStatus.Pending);
            record.NextAttemptAt.ShouldBe(due);
            (await engine.AttemptsAsync(id)).ShouldBeEmpty();
        }
    }

    [Fact]
    public async Task WhileOpen_OtherIntegrationKeepsDelivering_NoCallsOrLogEntriesForTheOpenOne()
    {
        await using var engine = await StartAsync();
        await engine.CreateIntegrationAsync("books");
        var shop = await engine.CreateIntegrationAsync("shop");
        await TripAsync(engine, "books");
        var booksAttempts = await AttemptCountAsync(engine, "books");
        var waiting = await IngestAsync(engine, "books", 3, "LATER");
        var shopIds = await IngestAsync(engine, "shop", 4);
        var before = engine.Gateway.Requests.Count;

        engine.Time.Advance(TimeSpan.FromSeconds(20));
        await DrainAsync(engine);

        engine.Gateway.Requests.Skip(before).Select(r => r.IntegrationSlug).ShouldAllBe(slug => slug == "shop");
        engine.Gateway.Requests.Skip(before).Count().ShouldBe(4);
        (await AttemptCountAsync(engine, "books")).ShouldBe(booksAttempts);
        foreach (var id in shopIds)
        {
            (await engine.RecordAsync(id)).Status.ShouldBe(RecordStatus.Delivered);
        }

        foreach (var id in waiting)
        {
            (await engine.RecordAsync(id)).Status.ShouldBe(RecordStatus.Pending);
        }

        Registry(engine).CanSend(BreakerTarget.Of(shop)).ShouldBeTrue();
    }

    [Fact]
    public async Task RetryDue_BreakerOpen_DueRecordsKeepTheirStatusAndNextAttemptTime()
    {
        await using var engine = await EngineHarness.StartAsync(concurrency: 1, breakers: true, settings: new Dictionary<string, string?>
        {
            ["SyncHub:Breakers:OpenSeconds"] = "3600",
            ["SyncHub:Breakers:MaxOpenSeconds"] = "3600",
        });
        await engine.CreateIntegrationAsync("books");
        var ids = await TripAsync(engine, "books");
        var before = await engine.RecordAsync(ids[0]);
        var calls = engine.Gateway.Requests.Count;
        engine.Time.Advance(TimeSpan.FromMinutes(30));
        before.NextAttemptAt.ShouldNotBeNull().ShouldBeLessThan(engine.Time.GetUtcNow());

        (await engine.Orchestrator.RetryDueAsync(None)).Attempted.ShouldBe(0);

        engine.Gateway.Requests.Count.ShouldBe(calls);
        var after = await engine.RecordAsync(ids[0]);
        after.Status.ShouldBe(RecordStatus.Failed);
        after.NextAttemptAt.ShouldBe(before.NextAttemptAt);
        after.AutomaticRetryCount.ShouldBe(before.AutomaticRetryCount);
        (await engine.AttemptsAsync(ids[0])).Count.ShouldBe(1);
    }

    [Fact]
    public async Task DeliverDue_ValidationFailures_DoNotOpenTheBreaker()
    {
        await using var engine = await StartAsync();
        var books = await engine.CreateIntegrationAsync("books");
        await IngestAsync(engine, "books", 10);
        FailNext(engine, 10, ErrorClass.Validation, 422);

        await DrainAsync(engine);

        engine.Gateway.Requests.Count.ShouldBe(10);
        Registry(engine).Describe(BreakerTarget.Of(books)).Integration.State.ShouldBe(BreakerState.Closed);
    }

    [Fact]
    public async Task HalfOpen_LetsExactlyOneProbeThrough()
    {
        await using var engine = await StartAsync();
        var books = await engine.CreateIntegrationAsync("books");
        await TripAsync(engine, "books");
        await IngestAsync(engine, "books", 5, "WAITING");
        engine.Time.Advance(TimeSpan.FromSeconds(30));
        var before = engine.Gateway.Requests.Count;
        engine.Gateway.Hold();

        var probe = engine.Orchestrator.DeliverDueAsync(None);
        (await engine.Gateway.Arrived.WaitAsync(TimeSpan.FromSeconds(10))).ShouldBeTrue();
        var others = await engine.Orchestrator.DeliverDueAsync(None);
        var retries = await engine.Orchestrator.RetryDueAsync(None);
        engine.Gateway.Release();
        var probed = await probe;

        probed.Attempted.ShouldBe(1);
        others.Attempted.ShouldBe(0);
        retries.Attempted.ShouldBe(0);
        engine.Gateway.Requests.Count.ShouldBe(before + 1);
        Registry(engine).Describe(BreakerTarget.Of(books)).Integration.State.ShouldBe(BreakerState.Closed);
    }

    [Fact]
    public async Task Probe_Succeeds_ClosesAndTheWaitingRecordsFlow()
    {
        await using var engine = await StartAsync();
        var books = await engine.CreateIntegrationAsync("books");
        var failed = await TripAsync(engine, "books");
        var waiting = await IngestAsync(engine, "books", 4, "WAITING");
        engine.Time.Advance(TimeSpan.FromSeconds(30));

        (await engine.Orchestrator.DeliverDueAsync(None)).Attempted.ShouldBe(1);
        Registry(engine).Describe(BreakerTarget.Of(books)).Integration.State.ShouldBe(BreakerState.Closed);
        engine.Time.Advance(TimeSpan.FromMinutes(10));
        await DrainAsync(engine);

        foreach (var id in waiting.Concat(failed))
        {
            (await engine.RecordAsync(id)).Status.ShouldBe(RecordStatus.Delivered);
        }
    }

    [Fact]
    public async Task Probe_Fails_ReopensForTwiceAsLong()
    {
        await using var engine = await StartAsync();
        var books = await engine.CreateIntegrationAsync("books");
        await TripAsync(engine, "books");
        await IngestAsync(engine, "books", 3, "WAITING");
        engine.Time.Advance(TimeSpan.FromSeconds(30));
        FailNext(engine, 1);

        (await engine.Orchestrator.DeliverDueAsync(None)).Attempted.ShouldBe(1);

        var breaker = Registry(engine).Describe(BreakerTarget.Of(books)).Integration;
        breaker.State.ShouldBe(BreakerState.Open);
        breaker.Trips.ShouldBe(2);
        breaker.NextProbeAt.ShouldBe(engine.Time.GetUtcNow().AddSeconds(60));
        engine.Time.Advance(TimeSpan.FromSeconds(59));
        (await engine.Orchestrator.DeliverDueAsync(None)).Attempted.ShouldBe(0);
        engine.Time.Advance(TimeSpan.FromSeconds(1));
        (await engine.Orchestrator.DeliverDueAsync(None)).Attempted.ShouldBe(1);
    }

    [Fact]
    public async Task ConnectorBreaker_TwoIntegrationsTrip_BlocksEveryIntegrationOfTheConnector()
    {
        await using var engine = await StartAsync();
        await engine.CreateIntegrationAsync("books");
        await engine.CreateIntegrationAsync("shop");
        var pos = await engine.CreateIntegrationAsync("pos");
        await IngestAsync(engine, "books", 5);
        await IngestAsync(engine, "shop", 5);
        FailNext(engine, 10);
        await engine.Orchestrator.DeliverDueAsync(None);
        var waiting = await IngestAsync(engine, "pos", 3);
        var before = engine.Gateway.Requests.Count;

        (await engine.Orchestrator.DeliverDueAsync(None)).Attempted.ShouldBe(0);

        engine.Gateway.Requests.Count.ShouldBe(before);
        var breakers = Registry(engine).Describe(BreakerTarget.Of(pos));
        breakers.Connector.State.ShouldBe(BreakerState.Open);
        breakers.Integration.State.ShouldBe(BreakerState.Closed);
        (await engine.RecordAsync(waiting[0])).Status.ShouldBe(RecordStatus.Pending);

        engine.Time.Advance(TimeSpan.FromSeconds(30));
        (await engine.Orchestrator.DeliverDueAsync(None)).Attempted.ShouldBe(1);
        Registry(engine).Describe(BreakerTarget.Of(pos)).Connector.State.ShouldBe(BreakerState.Closed);
    }

    internal static Task<EngineHarness> StartAsync() => EngineHarness.StartAsync(concurrency: 1, breakers: true);

    internal static BreakerRegistry Registry(EngineHarness engine) => engine.Get<BreakerRegistry>();

    /// <summary>Five transient failures: the integration's breaker opens (the five records are failed).</summary>
    internal static async Task<long[]> TripAsync(EngineHarness engine, string slug)
    {
        var ids = await IngestAsync(engine, slug, 5, "TRIP");
        FailNext(engine, 5);
        await engine.Orchestrator.DeliverDueAsync(None);
        return ids;
    }

    internal static async Task<long[]> IngestAsync(EngineHarness engine, string slug, int count, string prefix = "SRC")
    {
        var ids = new long[count];
        for (var i = 0; i < count; i++)
        {
            ids[i] = await engine.IngestAsync(slug, $"{prefix}-{slug}-{i}");
        }

        return ids;
    }

    internal static void FailNext(EngineHarness engine, int count, ErrorClass errorClass = ErrorClass.Transient, int httpStatus = 503)
    {
        for (var i = 0; i < count; i++)
        {
            engine.Gateway.ThenFail(errorClass, "Provider down", httpStatus);
        }
    }

    private static async Task DrainAsync(EngineHarness engine)
    {
        while ((await engine.Orchestrator.DeliverDueAsync(None)).Attempted + (await engine.Orchestrator.RetryDueAsync(None)).Attempted > 0)
        {
        }
    }

    private static async Task<int> AttemptCountAsync(EngineHarness engine, string slug)
    {
        await using var db = await engine.Get<IDbContextFactory<SyncHubDbContext>>().CreateDbContextAsync();
        var integrationId = await db.Integrations.Where(i => i.Slug == slug).Select(i => i.Id).SingleAsync();
        return await db.Attempts.CountAsync(a => a.IntegrationId == integrationId);
    }
}
