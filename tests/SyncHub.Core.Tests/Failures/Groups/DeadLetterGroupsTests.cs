using Microsoft.EntityFrameworkCore;
using Shouldly;
using SyncHub.Core.Failures;
using SyncHub.Core.Failures.Groups;
using SyncHub.Core.Operations;
using SyncHub.Data;
using SyncHub.Data.Entities;
using SyncHub.TestUtils;

namespace SyncHub.Core.Tests.Failures.Groups;

/// <summary>Failure groups on the dead-letter queue: retry and dismiss take the group's dead letters and nothing else.</summary>
public sealed class DeadLetterGroupsTests
{
    [Fact]
    public async Task RetryDeadLetterGroup_SameCauseInBothQueues_RetriesOnlyTheDeadLetters()
    {
        await using var engine = await EngineHarness.StartAsync();
        var (dead, failed, group) = await SameCauseInBothQueuesAsync(engine);

        var operation = await engine.Operations.RunNowAsync(RetryScope.DeadLetterGroup(group), "ops@test.local", CancellationToken.None);

        operation.Total.ShouldBe(dead.Length);
        operation.Succeeded.ShouldBe(dead.Length);
        foreach (var id in dead)
        {
            (await engine.RecordAsync(id)).Status.ShouldBe(RecordStatus.Delivered);
        }

        var untouched = await engine.RecordAsync(failed);
        (untouched.Status, untouched.RetryCount, untouched.RetryOperationId).ShouldBe((RecordStatus.Failed, 0, (Guid?)null));
        (await engine.AuditLogAsync()).ShouldContain(a => a.Action == AuditActions.RetryAll && a.Target.Contains(group) && a.Target.EndsWith(", dead letters"));
    }

    [Fact]
    public async Task RetryGroup_FailedQueue_LeavesTheGroupsDeadLettersAlone()
    {
        await using var engine = await EngineHarness.StartAsync();
        var (dead, failed, group) = await SameCauseInBothQueuesAsync(engine);

        var operation = await engine.Operations.RunNowAsync(RetryScope.Group(group), "ops@test.local", CancellationToken.None);

        operation.Total.ShouldBe(1);
        (await engine.RecordAsync(failed)).Status.ShouldBe(RecordStatus.Delivered);
        foreach (var id in dead)
        {
            (await engine.RecordAsync(id)).Status.ShouldBe(RecordStatus.DeadLetter);
        }
    }

    [Fact]
    public async Task DismissDeadLetterGroup_WithReason_DismissesOnlyTheDeadLettersWithOneAuditEntry()
    {
        await using var engine = await EngineHarness.StartAsync();
        var (dead, failed, group) = await SameCauseInBothQueuesAsync(engine);

        var result = await engine.Get<GroupDismissal>().DismissGroupAsync(
            group, "Orders cancelled", "ops@test.local", null, RecordStatus.DeadLetter, CancellationToken.None);

        result.Dismissed.ShouldBe(dead.Length);
        foreach (var id in dead)
        {
            var record = await engine.RecordAsync(id);
            (record.Status, record.DismissReason).ShouldBe((RecordStatus.Dismissed, "Orders cancelled"));
        }

        (await engine.RecordAsync(failed)).Status.ShouldBe(RecordStatus.Failed);
        var entry = (await engine.AuditLogAsync()).ShouldHaveSingleItem();
        (entry.Action, entry.Target, entry.Detail).ShouldBe((AuditActions.DismissGroup, AuditActions.GroupTarget(group), "3 dead letters: Orders cancelled"));
    }

    [Fact]
    public async Task DismissGroup_QueueOtherThanFailedOrDeadLetter_IsABug()
    {
        await using var engine = await EngineHarness.StartAsync();

        await Should.ThrowAsync<ArgumentOutOfRangeException>(() => engine.Get<GroupDismissal>().DismissGroupAsync(
            "abc", "why", "ops@test.local", null, RecordStatus.Delivered, CancellationToken.None));
    }

    [Fact]
    public async Task ListAsync_DeadLetterQueue_GroupsOnlyTheDeadLetters()
    {
        await using var engine = await EngineHarness.StartAsync();
        var (dead, _, group) = await SameCauseInBothQueuesAsync(engine);

        var groups = await engine.Get<FailureGroupsQuery>().ListAsync(null, RecordStatus.DeadLetter, CancellationToken.None);

        var only = groups.ShouldHaveSingleItem();
        (only.Fingerprint, only.Count).ShouldBe((group, dead.Length));
    }

    /// <summary>Four records refused alike; three have spent their automatic retries (dead letters), one is still failed.</summary>
    private static async Task<(long[] Dead, long Failed, string Group)> SameCauseInBothQueuesAsync(EngineHarness engine)
    {
        await engine.CreateIntegrationAsync("books");
        var ids = await engine.FailedRecordsAsync("books", 4);
        var dead = ids[..3];
        var now = engine.Time.GetUtcNow();
        await using var db = await engine.Get<IDbContextFactory<SyncHubDbContext>>().CreateDbContextAsync();
        await TestRecords.UpdateAsync(engine.Get<WriteGate>(), db, db.Records.Where(r => dead.Contains(r.Id)), s => s
            .SetProperty(r => r.Status, RecordStatus.DeadLetter).SetProperty(r => r.DeadLetteredAt, now)
            .SetProperty(r => r.AutomaticRetriesExhausted, true).SetProperty(r => r.NextAttemptAt, (DateTimeOffset?)null));
        var fingerprints = await db.Records.Where(r => ids.Contains(r.Id)).Select(r => r.ErrorFingerprint).Distinct().ToListAsync();
        return (dead, ids[3], fingerprints.ShouldHaveSingleItem()!);
    }
}
