using Shouldly;
using SyncHub.Connectors;
using SyncHub.Core.Dashboard;
using SyncHub.Data.Entities;
using SyncHub.TestUtils;

namespace SyncHub.Core.Tests.Dashboard;

public sealed class RecentErrorsQueryTests
{
    [Fact]
    public async Task List_FailuresWithDifferentFates_NewestFirstWithWhatBecameOfEach()
    {
        await using var engine = await EngineHarness.StartAsync();
        await engine.CreateIntegrationAsync("books");
        var t0 = engine.Time.GetUtcNow();
        var log = new SyncLogWriter(engine);
        var auto = await FailedThenResolvedAsync(engine, log, "AUTO", t0, AttemptTrigger.AutomaticRetry, version: 1);
        var manual = await FailedThenResolvedAsync(engine, log, "MANUAL", t0.AddMinutes(2), AttemptTrigger.ManualRetry, version: 1);
        var edited = await FailedThenResolvedAsync(engine, log, "EDITED", t0.AddMinutes(4), AttemptTrigger.ManualRetry, version: 2);
        var dead = await FailedAsync(engine, log, "DEAD", t0.AddMinutes(6), RecordStatus.DeadLetter);
        var dismissed = await FailedAsync(engine, log, "DISMISSED", t0.AddMinutes(8), RecordStatus.Dismissed);
        var failing = await FailedAsync(engine, log, "FAILING", t0.AddMinutes(10), RecordStatus.Failed);
        engine.Time.Advance(TimeSpan.FromMinutes(30));

        var groups = await engine.Get<RecentErrorsQuery>().ListAsync(20, CancellationToken.None);

        groups.Select(g => g.Count).ShouldAllBe(c => c == 1);
        groups.Select(g => (g.Newest.AttemptId, g.Newest.Outcome)).ShouldBe(
        [
            (failing, ErrorOutcome.StillFailing),
            (dismissed, ErrorOutcome.Dismissed),
            (dead, ErrorOutcome.DeadLetter),
            (edited, ErrorOutcome.EditedAndRetried),
            (manual, ErrorOutcome.ResolvedByManualRetry),
            (auto, ErrorOutcome.ResolvedByAutomaticRetry),
        ]);
        groups[^1].Newest.ResolvedAt.ShouldBe(t0.AddMinutes(1).AddSeconds(1));
        groups[^1].Newest.IntegrationSlug.ShouldBe("books");
        groups[^1].Newest.SourceId.ShouldBe("AUTO");
    }

    [Fact]
    public async Task List_RunOfAlikeFailuresInOneMinute_IsOneGroupWithOutcomeCounts()
    {
        await using var engine = await EngineHarness.StartAsync();
        await engine.CreateIntegrationAsync("books");
        var t0 = engine.Time.GetUtcNow().AddMinutes(30);
        engine.Time.SetUtcNow(t0.AddHours(1));
        var log = new SyncLogWriter(engine);
        await FailedAsync(engine, log, "OTHER", t0.AddMinutes(-1), RecordStatus.Failed, ErrorClass.Validation);
        for (var i = 0; i < 3; i++)
        {
            await FailedThenResolvedAsync(engine, log, $"R-{i}", t0.AddSeconds(i), AttemptTrigger.AutomaticRetry, version: 1);
        }

        await FailedAsync(engine, log, "STUCK", t0.AddSeconds(10), RecordStatus.Failed);

        var groups = await engine.Get<RecentErrorsQuery>().ListAsync(20, CancellationToken.None);

        groups.Count.ShouldBe(2);
        groups[0].Count.ShouldBe(4);
        groups[0].ErrorClass.ShouldBe(ErrorClass.Transient);
        groups[0].Outcomes.ShouldBe([(ErrorOutcome.ResolvedByAutomaticRetry, 3), (ErrorOutcome.StillFailing, 1)]);
        groups[1].ErrorClass.ShouldBe(ErrorClass.Validation);
    }

    private static async Task<long> FailedThenResolvedAsync(EngineHarness engine, SyncLogWriter log, string sourceId, DateTimeOffset at, AttemptTrigger trigger, int version)
    {
        var record = await engine.IngestAsync("books", sourceId);
        var failed = await log.AddAsync(record, at, ErrorClass.Transient);
        var retry = await log.AddAsync(record, at.AddMinutes(1), null, trigger: trigger, payloadVersion: version);
        await log.ResolveAsync(failed.Id, retry.Id);
        await log.SetStatusAsync(record, RecordStatus.Delivered);
        return failed.Id;
    }

    private static async Task<long> FailedAsync(
        EngineHarness engine, SyncLogWriter log, string sourceId, DateTimeOffset at, RecordStatus status, ErrorClass errorClass = ErrorClass.Transient)
    {
        var record = await engine.IngestAsync("books", sourceId);
        var failed = await log.AddAsync(record, at, errorClass);
        await log.SetStatusAsync(record, status);
        return failed.Id;
    }
}
