using Shouldly;
using SyncHub.Connectors;
using SyncHub.Core.Dashboard;
using SyncHub.Core.Operations;
using SyncHub.Core.Queries;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Tests.Dashboard;

/// <summary>A failed version of a record is superseded when the source sends a newer version that is delivered.</summary>
public sealed class SupersededFailureTests
{
    [Fact]
    public async Task NewerVersionDelivered_OlderFailure_IsSupersededByThatDeliveryAndLeavesTheFailedQueue()
    {
        await using var engine = await TestUtils.EngineHarness.StartAsync();
        await engine.CreateIntegrationAsync("books");
        var id = await engine.IngestAsync("books", "INV-7", """{"amount": -1}""");
        engine.Gateway.ThenFail(ErrorClass.Validation, "Amount must be positive", 422);
        await engine.Orchestrator.DeliverDueAsync(CancellationToken.None);
        (await engine.RecordAsync(id)).Status.ShouldBe(RecordStatus.Failed);

        engine.Time.Advance(TimeSpan.FromMinutes(5));
        (await engine.IngestAsync("books", "INV-7", """{"amount": 12}""")).ShouldBe(id);
        await engine.Orchestrator.DeliverDueAsync(CancellationToken.None);

        var record = await engine.RecordAsync(id);
        record.Status.ShouldBe(RecordStatus.Delivered);
        record.PayloadVersion.ShouldBe(2);
        var attempts = await engine.AttemptsAsync(id);
        var failed = attempts.Single(a => a.ErrorClass == ErrorClass.Validation);
        var delivery = attempts.Single(a => a.ErrorClass is null);
        Supersession.SupersededBy(failed, attempts).ShouldBe(delivery);
        Supersession.SupersededBy(delivery, attempts).ShouldBeNull();

        var feed = await engine.Get<RecentErrorsQuery>().ListAsync(10, CancellationToken.None);

        var error = feed.ShouldHaveSingleItem().Newest;
        error.AttemptId.ShouldBe(failed.Id);
        error.Outcome.ShouldBe(ErrorOutcome.Superseded);
        error.ResolvedByAttemptId.ShouldBe(delivery.Id);
        error.ResolvedVersion.ShouldBe(2);
        error.ResolvedAt.ShouldBe(delivery.FinishedAt);
    }

    [Fact]
    public async Task SameVersionRetried_OlderFailure_IsResolvedNotSuperseded()
    {
        await using var engine = await TestUtils.EngineHarness.StartAsync();
        await engine.CreateIntegrationAsync("books");
        var id = (await engine.FailedRecordsAsync("books", 1))[0];

        await engine.Operations.RunNowAsync(RetryScope.Selected([id]), "ops@test.local", CancellationToken.None);

        var attempts = await engine.AttemptsAsync(id);
        attempts.Count.ShouldBe(2);
        Supersession.SupersededBy(attempts.Single(a => a.ErrorClass is not null), attempts).ShouldBeNull();
        var error = (await engine.Get<RecentErrorsQuery>().ListAsync(10, CancellationToken.None)).ShouldHaveSingleItem().Newest;
        error.Outcome.ShouldBe(ErrorOutcome.ResolvedByManualRetry);
    }
}
