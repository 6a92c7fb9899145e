using Microsoft.EntityFrameworkCore;
using Shouldly;
using SyncHub.Connectors;
using SyncHub.Core.Failures;
using SyncHub.Core.Failures.Groups;
using SyncHub.Core.Operations;
using SyncHub.Core.Queries;
using SyncHub.Core.Tests.Queries;
using SyncHub.Data;
using SyncHub.Data.Entities;
using SyncHub.TestUtils;

namespace SyncHub.Core.Tests.Failures.Groups;

/// <summary>Twelve records failing for one reason, five for another: the groups, and the group actions.</summary>
public sealed class FailureGroupsTests
{
    [Fact]
    public async Task ListAsync_TwoCauses_GroupsThemLargestFirst()
    {
        await using var engine = await EngineHarness.StartAsync();
        var (others, refused) = await TwoCausesAsync(engine);

        var groups = await engine.Get<FailureGroupsQuery>().ListAsync(null, RecordStatus.Failed, CancellationToken.None);

        groups.Count.ShouldBe(2);
        groups[0].Count.ShouldBe(12);
        groups[0].ErrorClass.ShouldBe(ErrorClass.Transient);
        others.ShouldContain(groups[0].SampleRecordId);
        groups[1].Count.ShouldBe(5);
        groups[1].ErrorClass.ShouldBe(ErrorClass.Validation);
        groups[1].IntegrationSlug.ShouldBe("books");
        refused.ShouldContain(groups[1].SampleRecordId);
        groups[1].SampleMessage.ShouldStartWith("Invoice INV-");
        groups[1].Pattern.ShouldBe("invoice <id> amount <n> refused");
        groups[1].FirstSeen.ShouldNotBeNull();
        groups[1].LastSeen.ShouldBe(engine.Time.GetUtcNow());
    }

    [Fact]
    public async Task RetryGroup_RetriesOnlyThatGroupsRecords()
    {
        await using var engine = await EngineHarness.StartAsync(batchSize: 2);
        var (others, refused) = await TwoCausesAsync(engine);
        var group = await GroupOfAsync(engine, refused[0]);
        var before = engine.Gateway.Requests.Count;

        var operation = await engine.Operations.RunNowAsync(RetryScope.Group(group), "ops@test.local", CancellationToken.None);

        operation.Total.ShouldBe(5);
        operation.CanaryRecordId.ShouldNotBeNull();
        operation.Succeeded.ShouldBe(5);
        engine.Gateway.Requests.Skip(before).Select(r => r.RecordId).Order().ShouldBe(refused.Order());
        foreach (var id in refused)
        {
            var record = await engine.RecordAsync(id);
            record.Status.ShouldBe(RecordStatus.Delivered);
            record.ErrorFingerprint.ShouldBeNull();
        }

        foreach (var id in others)
        {
            var record = await engine.RecordAsync(id);
            record.Status.ShouldBe(RecordStatus.Failed);
            record.RetryCount.ShouldBe(0);
        }

        (await engine.AuditLogAsync()).ShouldContain(a => a.Action == AuditActions.RetryAll && a.Target.Contains(group));
    }

    [Fact]
    public async Task DismissGroup_WithReason_DismissesTheGroupWithOneAuditEntry()
    {
        await using var engine = await EngineHarness.StartAsync();
        var (others, refused) = await TwoCausesAsync(engine);
        var group = await GroupOfAsync(engine, refused[0]);

        var result = await engine.Get<GroupDismissal>().DismissGroupAsync(group, "  Cancelled invoices  ", "ops@test.local", null, RecordStatus.Failed, CancellationToken.None);

        result.Dismissed.ShouldBe(5);
        foreach (var id in refused)
        {
            var record = await engine.RecordAsync(id);
            record.Status.ShouldBe(RecordStatus.Dismissed);
            record.DismissReason.ShouldBe("Cancelled invoices");
            record.DismissedBy.ShouldBe("ops@test.local");
        }

        foreach (var id in others)
        {
            (await engine.RecordAsync(id)).Status.ShouldBe(RecordStatus.Failed);
        }

        var entry = (await engine.AuditLogAsync()).ShouldHaveSingleItem();
        entry.Action.ShouldBe(AuditActions.DismissGroup);
        entry.Target.ShouldBe(AuditActions.GroupTarget(group));
        entry.Detail.ShouldBe("5 records: Cancelled invoices");
    }

    [Fact]
    public async Task DismissGroup_NoReason_ChangesNothing()
    {
        await using var engine = await EngineHarness.StartAsync();
        var (_, refused) = await TwoCausesAsync(engine);
        var group = await GroupOfAsync(engine, refused[0]);

        var result = await engine.Get<GroupDismissal>().DismissGroupAsync(group, " ", "ops@test.local", null, RecordStatus.Failed, CancellationToken.None);

        result.IsValid.ShouldBeFalse();
        result.Errors!.ToDictionary().ShouldContainKey("reason");
        (await engine.RecordAsync(refused[0])).Status.ShouldBe(RecordStatus.Failed);
        (await engine.AuditLogAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task ListAsync_RecordsFailedBeforeFingerprints_AreFingerprintedAndGrouped()
    {
        await using var engine = await EngineHarness.StartAsync();
        await TwoCausesAsync(engine);
        await engine.WriteAsync(db => db.Records.ExecuteUpdateAsync(s => s.SetProperty(r => r.ErrorFingerprint, (string?)null)));

        var groups = await engine.Get<FailureGroupsQuery>().ListAsync(null, RecordStatus.Failed, CancellationToken.None);

        groups.Select(g => g.Count).ShouldBe([12, 5]);
    }

    [Fact]
    public async Task RetryAll_FilteredBySearch_TakesOnlyTheMatches()
    {
        await using var engine = await EngineHarness.StartAsync();
        await TwoCausesAsync(engine);

        var operation = await engine.Operations.RunNowAsync(RetryScope.Filtered(new RecordFilter { Search = "inv-1002" }), CancellationToken.None);

        operation.Total.ShouldBe(1);
    }

    [Fact]
    public async Task Grouping_QueryPlan_ReadsOnlyTheQueuesStatusRange()
    {
        // Reads SQLite's EXPLAIN QUERY PLAN, so it runs on SQLite whichever store the suite is on.
        await using var engine = await EngineHarness.StartAsync(postgres: false);
        await TwoCausesAsync(engine);
        await using var db = await engine.Get<IDbContextFactory<SyncHubDbContext>>().CreateDbContextAsync();

        var plan = await QueryPlans.ExplainAsync(db, FailureGroupsQuery.Grouped(db, null, RecordStatus.Failed).ToQueryString());

        // The records table keeps few indexes (a state change rewrites each that holds Status), so the groups are sorted
        // from the queue's range of the status index rather than read presorted from one of their own.
        plan.ShouldContain("USING INDEX IX_Records_Status_Id (Status=?)");
        plan.Split(" | ").ShouldNotContain("SCAN r");
    }

    private static async Task<(long[] Others, long[] Refused)> TwoCausesAsync(EngineHarness engine)
    {
        await engine.CreateIntegrationAsync("books");
        var others = await engine.FailedRecordsAsync("books", 12);
        var refused = new long[5];
        for (var i = 0; i < refused.Length; i++)
        {
            // Bound to its record: deliveries run concurrently, so a queued script could hand one record another's message.
            engine.Gateway.FailNextFor($"INV-{1000 + i}", ErrorClass.Validation, $"Invoice INV-{1000 + i} amount {i * 7}.50 refused", 422);
            refused[i] = await engine.IngestAsync("books", $"INV-{1000 + i}");
        }

        while ((await engine.Orchestrator.DeliverDueAsync(CancellationToken.None)).Attempted > 0)
        {
        }

        return (others, refused);
    }

    private static async Task<string> GroupOfAsync(EngineHarness engine, long recordId) =>
        (await engine.RecordAsync(recordId)).ErrorFingerprint.ShouldNotBeNull();
}
