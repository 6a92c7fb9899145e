using Shouldly;
using SyncHub.Core.Failures;
using SyncHub.Core.Operations;
using SyncHub.Core.Queries;
using SyncHub.Data.Entities;
using SyncHub.TestUtils;

namespace SyncHub.Core.Tests.Failures;

public sealed class ArchiveTests
{
    [Fact]
    public async Task Archive_FailedRecord_KeepsStatusAndHistoryAndWritesAnAuditEntry()
    {
        await using var engine = await EngineHarness.StartAsync();
        await engine.CreateIntegrationAsync();
        var id = (await engine.FailedRecordsAsync("books", 1))[0];

        var result = await Actions(engine).ArchiveAsync([id], "ada", null, CancellationToken.None);

        result.Changed.ShouldBe([id]);
        var record = await engine.RecordAsync(id);
        record.Status.ShouldBe(RecordStatus.Failed);
        record.ArchivedAt.ShouldBe(engine.Time.GetUtcNow());
        record.ArchivedBy.ShouldBe("ada");
        (await engine.AttemptsAsync(id)).Count.ShouldBe(1);
        var entry = (await engine.AuditLogAsync()).ShouldHaveSingleItem();
        (entry.Action, entry.Target, entry.Actor).ShouldBe(("record.archive", $"record {id}", "ada"));
    }

    [Fact]
    public async Task Archive_PendingRecord_IsLeftAlone()
    {
        await using var engine = await EngineHarness.StartAsync();
        await engine.CreateIntegrationAsync();
        var pending = await engine.IngestAsync("books", "P-1");

        var result = await Actions(engine).ArchiveAsync([pending], "ada", null, CancellationToken.None);

        result.Changed.ShouldBeEmpty();
        (await engine.RecordAsync(pending)).ArchivedAt.ShouldBeNull();
        (await engine.AuditLogAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task Archive_FailedRecordWithRetryDue_IsNotRetriedAutomaticallyNorByRetryAll()
    {
        await using var engine = await EngineHarness.StartAsync();
        await engine.CreateIntegrationAsync();
        var ids = await engine.FailedRecordsAsync("books", 2);

        await Actions(engine).ArchiveAsync([ids[0]], "ada", null, CancellationToken.None);
        engine.Time.Advance(TimeSpan.FromDays(1));
        var automatic = await engine.Orchestrator.RetryDueAsync(CancellationToken.None);
        var all = await engine.Operations.RunNowAsync(RetryScope.All(), CancellationToken.None);

        automatic.Attempted.ShouldBe(1, "only the record that is not archived");
        all.Total.ShouldBe(0);
        engine.Gateway.RequestsFor(ids[0]).Count.ShouldBe(1);
        engine.Gateway.RequestsFor(ids[1]).Count.ShouldBe(2);
    }

    [Fact]
    public async Task Archive_RecordAlreadyQueuedByRetryAll_IsNotRetriedByIt()
    {
        await using var engine = await EngineHarness.StartAsync();
        await engine.CreateIntegrationAsync();
        var id = (await engine.FailedRecordsAsync("books", 1))[0];
        var operation = await engine.Operations.StartAsync(RetryScope.All(), CancellationToken.None);

        await Actions(engine).ArchiveAsync([id], "ada", null, CancellationToken.None);
        var finished = await engine.Operations.RunAsync(operation.Id, CancellationToken.None);

        finished.Succeeded.ShouldBe(0);
        engine.Gateway.RequestsFor(id).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Restore_ArchivedRecord_ReturnsToItsListAndWritesAnAuditEntry()
    {
        await using var engine = await EngineHarness.StartAsync();
        await engine.CreateIntegrationAsync(retry: new(10, 2, 60, 0));
        var id = (await engine.FailedRecordsAsync("books", 1))[0];
        await Actions(engine).ArchiveAsync([id], "ada", null, CancellationToken.None);

        var result = await Actions(engine).RestoreAsync([id, id], "ben", null, CancellationToken.None);

        result.Changed.ShouldBe([id]);
        var record = await engine.RecordAsync(id);
        record.ArchivedAt.ShouldBeNull();
        record.ArchivedBy.ShouldBeNull();
        record.Status.ShouldBe(RecordStatus.DeadLetter);
        (await engine.AuditLogAsync()).Select(a => (a.Action, a.Actor)).ShouldBe([("record.archive", "ada"), ("record.restore", "ben")]);
    }

    [Fact]
    public async Task Restore_RecordThatIsNotArchived_IsLeftAlone()
    {
        await using var engine = await EngineHarness.StartAsync();
        await engine.CreateIntegrationAsync();
        var id = (await engine.FailedRecordsAsync("books", 1))[0];

        (await Actions(engine).RestoreAsync([id], "ada", null, CancellationToken.None)).Changed.ShouldBeEmpty();
        (await engine.AuditLogAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task Queries_ArchivedRecords_LeaveTheFailedAndDeadLetterListsAndCountsForTheArchive()
    {
        await using var engine = await EngineHarness.StartAsync();
        var books = await engine.CreateIntegrationAsync();
        var failed = await engine.FailedRecordsAsync("books", 2);
        await engine.UpdateIntegrationAsync(books.Id, i => i.Retry.MaxAutomaticAttempts = 0);
        engine.Gateway.ThenFail(Connectors.ErrorClass.Transient, "down", 503);
        var dead = await engine.IngestAsync("books", "DL-1");
        await engine.Orchestrator.DeliverDueAsync(CancellationToken.None);

        await Actions(engine).ArchiveAsync([failed[0], dead], "ada", null, CancellationToken.None);

        var query = engine.Get<FailedRecordsQuery>();
        (await query.PageAsync(books.Id, null, 50, CancellationToken.None)).Items.Select(r => r.Id).ShouldBe([failed[1]]);
        (await query.PageAsync(books.Id, RecordStatus.DeadLetter, null, 50, CancellationToken.None)).Items.ShouldBeEmpty();
        var archived = (await query.ArchivedPageAsync(books.Id, null, 50, CancellationToken.None)).Items;
        archived.Select(r => (r.Id, r.Status)).ShouldBe([(dead, RecordStatus.DeadLetter), (failed[0], RecordStatus.Failed)]);
        archived[0].ArchivedBy.ShouldBe("ada");
        var counts = await engine.Get<IntegrationStatusQuery>().CountsAsync(books.Id, CancellationToken.None);
        (counts.Failed, counts.DeadLetter, counts.Archived).ShouldBe((1, 0, 2));
    }

    private static RecordActionService Actions(EngineHarness engine) => engine.Get<RecordActionService>();
}
