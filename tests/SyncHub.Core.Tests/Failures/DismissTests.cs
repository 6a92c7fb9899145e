using Shouldly;
using SyncHub.Core.Failures;
using SyncHub.Core.Operations;
using SyncHub.Data.Entities;
using SyncHub.TestUtils;

namespace SyncHub.Core.Tests.Failures;

public sealed class DismissTests
{
    [Fact]
    public async Task Dismiss_DeadLetterWithReason_RecordsWhoWhenWhyAndWritesAnAuditEntry()
    {
        await using var engine = await EngineHarness.StartAsync();
        await engine.CreateIntegrationAsync(retry: new(10, 2, 60, 0));
        var id = (await engine.FailedRecordsAsync("books", 1))[0];
        (await engine.RecordAsync(id)).Status.ShouldBe(RecordStatus.DeadLetter);

        var result = await Actions(engine).DismissAsync([id], "  Customer cancelled the order  ", "ada@example.org", null, CancellationToken.None);

        result.IsValid.ShouldBeTrue();
        result.Changed.ShouldBe([id]);
        var record = await engine.RecordAsync(id);
        record.Status.ShouldBe(RecordStatus.Dismissed);
        record.DismissedAt.ShouldBe(engine.Time.GetUtcNow());
        record.DismissedBy.ShouldBe("ada@example.org");
        record.DismissReason.ShouldBe("Customer cancelled the order");
        var entry = (await engine.AuditLogAsync()).ShouldHaveSingleItem();
        entry.Action.ShouldBe("record.dismiss");
        entry.Target.ShouldBe($"record {id}");
        entry.Actor.ShouldBe("ada@example.org");
        entry.Detail.ShouldBe("Customer cancelled the order");
        entry.At.ShouldBe(engine.Time.GetUtcNow());
    }

    [Fact]
    public async Task Dismiss_FailedRecordWithBackoffRunning_IsNeverRetriedAutomaticallyNorByRetryAll()
    {
        await using var engine = await EngineHarness.StartAsync();
        await engine.CreateIntegrationAsync();
        var id = (await engine.FailedRecordsAsync("books", 1))[0];
        (await engine.RecordAsync(id)).NextAttemptAt.ShouldNotBeNull();

        await Actions(engine).DismissAsync([id], "Duplicate of INV-7", "ada", null, CancellationToken.None);
        engine.Time.Advance(TimeSpan.FromDays(2));
        var automatic = await engine.Orchestrator.RetryDueAsync(CancellationToken.None);
        var all = await engine.Operations.RunNowAsync(RetryScope.All(), CancellationToken.None);

        automatic.Attempted.ShouldBe(0);
        all.Total.ShouldBe(0);
        engine.Gateway.RequestsFor(id).Count.ShouldBe(1);
        var record = await engine.RecordAsync(id);
        record.Status.ShouldBe(RecordStatus.Dismissed);
        record.NextAttemptAt.ShouldBeNull();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Dismiss_MissingReason_NamesTheReasonFieldAndChangesNothing(string? reason)
    {
        await using var engine = await EngineHarness.StartAsync();
        await engine.CreateIntegrationAsync(retry: new(10, 2, 60, 0));
        var id = (await engine.FailedRecordsAsync("books", 1))[0];

        var result = await Actions(engine).DismissAsync([id], reason, "ada", null, CancellationToken.None);

        result.IsValid.ShouldBeFalse();
        result.Errors!.ToDictionary().Keys.ShouldBe(["reason"]);
        (await engine.RecordAsync(id)).Status.ShouldBe(RecordStatus.DeadLetter);
        (await engine.AuditLogAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task Dismiss_ReasonOver500CharactersAfterTrimming_IsRefused()
    {
        await using var engine = await EngineHarness.StartAsync();
        await engine.CreateIntegrationAsync(retry: new(10, 2, 60, 0));
        var id = (await engine.FailedRecordsAsync("books", 1))[0];

        var tooLong = await Actions(engine).DismissAsync([id], new string('x', 501), "ada", null, CancellationToken.None);
        var padded = await Actions(engine).DismissAsync([id], "  " + new string('x', 500) + "  ", "ada", null, CancellationToken.None);

        tooLong.Errors!.ToDictionary()["reason"].ShouldHaveSingleItem().ShouldContain("500");
        padded.Changed.ShouldBe([id]);
        (await engine.RecordAsync(id)).DismissReason!.Length.ShouldBe(500);
    }

    [Fact]
    public async Task Dismiss_NoIds_NamesTheIdsField()
    {
        await using var engine = await EngineHarness.StartAsync();

        var result = await Actions(engine).DismissAsync([], "why", "ada", null, CancellationToken.None);

        result.Errors!.ToDictionary().Keys.ShouldBe(["ids"]);
    }

    [Fact]
    public async Task Dismiss_DeliveredPendingAndOtherIntegrationsRecords_AreLeftAlone()
    {
        await using var engine = await EngineHarness.StartAsync();
        var books = await engine.CreateIntegrationAsync("books", retry: new(10, 2, 60, 0));
        await engine.CreateIntegrationAsync("shop", retry: new(10, 2, 60, 0));
        var dead = (await engine.FailedRecordsAsync("books", 1))[0];
        var otherDead = (await engine.FailedRecordsAsync("shop", 1))[0];
        var delivered = await engine.IngestAsync("books", "D-1");
        await engine.Orchestrator.DeliverDueAsync(CancellationToken.None);
        var pending = await engine.IngestAsync("books", "P-1");

        var result = await Actions(engine).DismissAsync([dead, otherDead, delivered, pending, 999_999], "no longer needed", "ada", books.Id, CancellationToken.None);

        result.Changed.ShouldBe([dead]);
        (await engine.RecordAsync(otherDead)).Status.ShouldBe(RecordStatus.DeadLetter);
        (await engine.RecordAsync(delivered)).Status.ShouldBe(RecordStatus.Delivered);
        (await engine.RecordAsync(pending)).Status.ShouldBe(RecordStatus.Pending);
        (await engine.AuditLogAsync()).ShouldHaveSingleItem().Target.ShouldBe($"record {dead}");
    }

    private static RecordActionService Actions(EngineHarness engine) => engine.Get<RecordActionService>();
}
