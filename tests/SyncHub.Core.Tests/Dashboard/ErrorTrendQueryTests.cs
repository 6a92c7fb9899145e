using Shouldly;
using SyncHub.Connectors;
using SyncHub.Core.Dashboard;
using SyncHub.Data.Entities;
using SyncHub.TestUtils;

namespace SyncHub.Core.Tests.Dashboard;

public sealed class ErrorTrendQueryTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task Load_Day_CountsFailuresPerHourAndClassAndDeliveriesBeside()
    {
        await using var engine = await EngineHarness.StartAsync();
        await engine.CreateIntegrationAsync("books");
        var record = await engine.IngestAsync("books", "INV-1");
        engine.Time.SetUtcNow(Now);
        var log = new SyncLogWriter(engine);
        await log.AddAsync(record, At(9, 10), ErrorClass.Transient);
        await log.AddAsync(record, At(9, 29), ErrorClass.Transient);
        await log.AddAsync(record, At(9, 5), null);
        await log.AddAsync(record, At(8, 59).AddSeconds(59), ErrorClass.Validation);
        // A failure later resolved keeps its error class and still counts as a failure of its hour.
        await log.AddAsync(record, At(7, 0), ErrorClass.RateLimited, AttemptStatus.Succeeded);
        await log.AddAsync(record, Now.AddHours(-23).AddMinutes(-30), ErrorClass.Authentication); // 10:00 yesterday: first bucket
        await log.AddAsync(record, Now.AddHours(-23).AddMinutes(-30).AddTicks(-1), ErrorClass.Authentication); // before the window
        await log.AddAsync(record, At(9, 12), null, AttemptStatus.InFlight); // neither failed nor delivered

        var trend = await engine.Get<ErrorTrendQuery>().LoadAsync(TrendRange.Day, CancellationToken.None);

        trend.Buckets.Count.ShouldBe(24);
        trend.Buckets[0].Start.ShouldBe(new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero));
        trend.Buckets[^1].Start.ShouldBe(At(9, 0));
        trend.Buckets[^1].Failures.ShouldBe(new Dictionary<ErrorClass, int> { [ErrorClass.Transient] = 2 });
        trend.Buckets[^1].Delivered.ShouldBe(1);
        trend.Buckets[^2].Failures.ShouldBe(new Dictionary<ErrorClass, int> { [ErrorClass.Validation] = 1 });
        trend.Buckets[^3].Failures.ShouldBe(new Dictionary<ErrorClass, int> { [ErrorClass.RateLimited] = 1 });
        trend.Buckets[^4].Failed.ShouldBe(0);
        trend.Buckets[0].Failures.ShouldBe(new Dictionary<ErrorClass, int> { [ErrorClass.Authentication] = 1 });
        trend.TotalFailed.ShouldBe(5);
        trend.TotalDelivered.ShouldBe(1);
        trend.Classes.ShouldBe([ErrorClass.Transient, ErrorClass.RateLimited, ErrorClass.Authentication, ErrorClass.Validation]);
    }

    [Fact]
    public async Task Load_Month_BucketsByUtcDayOverThirtyDays()
    {
        await using var engine = await EngineHarness.StartAsync();
        await engine.CreateIntegrationAsync("books");
        var record = await engine.IngestAsync("books", "INV-1");
        engine.Time.SetUtcNow(Now);
        var log = new SyncLogWriter(engine);
        await log.AddAsync(record, At(0, 0), ErrorClass.Conflict);
        await log.AddAsync(record, At(0, 0).AddTicks(-1), ErrorClass.Conflict);
        await log.AddAsync(record, At(0, 0).AddDays(-29), null);
        await log.AddAsync(record, At(0, 0).AddDays(-29).AddTicks(-1), ErrorClass.Conflict);

        var trend = await engine.Get<ErrorTrendQuery>().LoadAsync(TrendRange.Month, CancellationToken.None);

        trend.Buckets.Count.ShouldBe(30);
        trend.Buckets[0].Start.ShouldBe(At(0, 0).AddDays(-29));
        trend.Buckets[0].Delivered.ShouldBe(1);
        trend.Buckets[^1].Failed.ShouldBe(1);
        trend.Buckets[^2].Failed.ShouldBe(1);
        trend.TotalFailed.ShouldBe(2);
    }

    private static DateTimeOffset At(int hour, int minute) => new(2026, 11, 23, hour, minute, 0, TimeSpan.Zero);
}
