using Shouldly;
using SyncHub.Core.Operations;
using SyncHub.Core.Queries;
using SyncHub.Data.Entities;
using SyncHub.TestUtils;

namespace SyncHub.Core.Tests.Failures;

public sealed class RetryAuditTests
{
    [Fact]
    public async Task RunNow_SelectedWithActor_WritesARetryEntryPerQueuedRecord()
    {
        await using var engine = await EngineHarness.StartAsync();
        await engine.CreateIntegrationAsync(retry: new(10, 2, 60, 0));
        var ids = await engine.FailedRecordsAsync("books", 2);
        var delivered = await engine.IngestAsync("books", "D-1");
        await engine.Orchestrator.DeliverDueAsync(CancellationToken.None);

        var operation = await engine.Operations.RunNowAsync(RetryScope.Selected([ids[0], ids[1], delivered]), "ada", CancellationToken.None);

        operation.Succeeded.ShouldBe(2);
        var entries = await engine.AuditLogAsync();
        entries.Select(e => (e.Action, e.Target, e.Actor)).ShouldBe([("record.retry", $"record {ids[0]}", "ada"), ("record.retry", $"record {ids[1]}", "ada")]);
        entries[0].Detail.ShouldBe($"from DeadLetter, operation {operation.Id}");
    }

    [Fact]
    public async Task StartAll_WithActor_WritesOneEntryForTheOperation()
    {
        await using var engine = await EngineHarness.StartAsync();
        var books = await engine.CreateIntegrationAsync();
        await engine.FailedRecordsAsync("books", 3);

        var operation = await engine.Operations.StartAsync(RetryScope.All(books.Id), "ada", CancellationToken.None);

        var entry = (await engine.AuditLogAsync()).ShouldHaveSingleItem();
        (entry.Action, entry.Target, entry.Actor).ShouldBe(("records.retry-all", $"integration {books.Id}", "ada"));
        entry.Detail.ShouldBe($"3 records, operation {operation.Id}");
    }

    [Fact]
    public async Task RunNow_WithoutActor_WritesNoEntry()
    {
        await using var engine = await EngineHarness.StartAsync();
        await engine.CreateIntegrationAsync();
        var id = (await engine.FailedRecordsAsync("books", 1))[0];

        await engine.Operations.RunNowAsync(RetryScope.Selected([id]), CancellationToken.None);

        (await engine.AuditLogAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task DeadLetterQuery_ShowsAttemptsAndTheErrorDiagnosis()
    {
        await using var engine = await EngineHarness.StartAsync();
        var books = await engine.CreateIntegrationAsync(retry: new(10, 2, 60, 0));
        var id = (await engine.FailedRecordsAsync("books", 1))[0];
        engine.Gateway.ThenFail(Connectors.ErrorClass.Transient, "still down", 503);
        await engine.Operations.RunNowAsync(RetryScope.Selected([id]), CancellationToken.None);

        var row = (await engine.Get<FailedRecordsQuery>().PageAsync(books.Id, RecordStatus.DeadLetter, null, 50, CancellationToken.None)).Items.ShouldHaveSingleItem();

        row.Id.ShouldBe(id);
        row.Attempts.ShouldBe(2);
        row.Message.ShouldBe("still down");
        row.ErrorLabel.ShouldBe("Transient");
        row.Diagnosis.ShouldBe("2 of the last 2 attempts to Books books (100 %) failed with Transient. "
            + "A temporary failure (a 5xx answer, a timeout or a dropped connection), retried automatically until the integration's retry budget is spent.");
    }
}
