using Microsoft.EntityFrameworkCore;
using Shouldly;
using SyncHub.Connectors;
using SyncHub.Core.Failures;
using SyncHub.Data;
using SyncHub.Data.Entities;
using SyncHub.TestUtils;

namespace SyncHub.Core.Tests.Failures;

public sealed class EditAndRetryTests
{
    private const string Original = """{"customer":{"email":"a@x","fax":"123"},"amount":12.5}""";
    private const string Edited = "{\n  \"customer\": { \"email\": \"b@x.com\" },\n  \"amount\": 12.5,\n  \"phone\": \"+14155550123\"\n}";

    [Fact]
    public async Task EditAndRetry_FailedRecord_SavesANewVersionWithItsDiffAndAuditEntry_AndDeliversItAsAManualRetry()
    {
        await using var engine = await EngineHarness.StartAsync();
        var id = await FailedAsync(engine);

        var result = await Service(engine).EditAndRetryAsync(id, Edited, "ada@example.org", CancellationToken.None);

        result.Outcome.ShouldBe(EditAndRetryOutcome.Retried);
        result.PayloadVersion.ShouldBe(2);
        result.Status.ShouldBe(RecordStatus.Delivered);
        result.Message.ShouldBe("Saved as version 2 and retried: delivered.");
        var record = await engine.RecordAsync(id);
        record.Status.ShouldBe(RecordStatus.Delivered);
        record.Payload.ShouldBe("""{"customer":{"email":"b@x.com"},"amount":12.5,"phone":"+14155550123"}""");
        record.RetryCount.ShouldBe(1);
        var requests = engine.Gateway.RequestsFor(id);
        requests.Count.ShouldBe(2);
        requests[1].Body.ShouldContain("b@x.com");
        requests[1].IdempotencyKey.ShouldBe(record.IdempotencyKey);
        requests[1].IdempotencyKey.ShouldNotBe(requests[0].IdempotencyKey);
        var attempt = (await engine.AttemptsAsync(id))[^1];
        (attempt.Trigger, attempt.PayloadVersion, attempt.Status).ShouldBe((AttemptTrigger.ManualRetry, 2, AttemptStatus.Succeeded));
        var change = (await ChangesAsync(engine, id)).ShouldHaveSingleItem();
        (change.Kind, change.Actor, change.FromVersion, change.ToVersion).ShouldBe((RecordChangeKind.Edit, "ada@example.org", 1, 2));
        change.At.ShouldBe(engine.Time.GetUtcNow());
        change.Detail.ShouldBe("~ /customer/email: \"a@x\" → \"b@x.com\"\n- /customer/fax\n+ /phone: \"+14155550123\"");
        change.PreviousPayload.ShouldBe(Original);
        var audit = (await engine.AuditLogAsync()).ShouldHaveSingleItem();
        (audit.Action, audit.Target, audit.Actor).ShouldBe(("record.edit-retry", $"record {id}", "ada@example.org"));
        audit.Detail.ShouldBe("from Failed, payload version 1 → 2, 3 changes");
    }

    [Fact]
    public async Task EditAndRetry_DeadLetter_LeavesTheQueueAndFailsLikeAFreshRetry()
    {
        await using var engine = await EngineHarness.StartAsync();
        await engine.CreateIntegrationAsync(retry: new(10, 2, 60, 0));
        var id = (await engine.FailedRecordsAsync("books", 1))[0];
        (await engine.RecordAsync(id)).Status.ShouldBe(RecordStatus.DeadLetter);
        engine.Gateway.ThenFail(ErrorClass.Validation, "Amount must be positive", 422);

        var result = await Service(engine).EditAndRetryAsync(id, """{"amount": -1}""", "ada", CancellationToken.None);

        result.Outcome.ShouldBe(EditAndRetryOutcome.Retried);
        result.Status.ShouldBe(RecordStatus.Failed);
        result.Message.ShouldContain("failed again (Amount must be positive)");
        var record = await engine.RecordAsync(id);
        record.DeadLetteredAt.ShouldBeNull();
        record.LastErrorMessage.ShouldBe("Amount must be positive");
        record.PayloadVersion.ShouldBe(2);
    }

    [Theory]
    [InlineData(RecordStatus.Skipped)]
    [InlineData(RecordStatus.NeedsReview)]
    public async Task EditAndRetry_SkippedOrInReview_IsAllowed(RecordStatus status)
    {
        await using var engine = await EngineHarness.StartAsync();
        var id = await FailedAsync(engine);
        await SetStatusAsync(engine, id, status);

        var result = await Service(engine).EditAndRetryAsync(id, Edited, "ada", CancellationToken.None);

        result.Outcome.ShouldBe(EditAndRetryOutcome.Retried);
        (await engine.RecordAsync(id)).Status.ShouldBe(RecordStatus.Delivered);
    }

    [Theory]
    [InlineData(RecordStatus.Delivered, "A delivered record cannot be edited")]
    [InlineData(RecordStatus.Pending, "waits to be delivered")]
    [InlineData(RecordStatus.Blocked, "waits to be delivered")]
    [InlineData(RecordStatus.Dismissed, "A dismissed record cannot be edited")]
    [InlineData(RecordStatus.InFlight, "being delivered right now")]
    public async Task EditAndRetry_RecordNotEditable_IsRefusedAndNothingChanges(RecordStatus status, string message)
    {
        await using var engine = await EngineHarness.StartAsync();
        var id = await FailedAsync(engine);
        await SetStatusAsync(engine, id, status);

        var result = await Service(engine).EditAndRetryAsync(id, Edited, "ada", CancellationToken.None);

        result.Outcome.ShouldBe(EditAndRetryOutcome.Conflict);
        result.Message.ShouldContain(message);
        await ShouldBeUntouchedAsync(engine, id);
    }

    [Fact]
    public async Task EditAndRetry_WhileTheRecordIsBeingDelivered_IsRefused()
    {
        await using var engine = await EngineHarness.StartAsync();
        var id = await FailedAsync(engine);
        engine.Gateway.Hold();
        var retry = engine.Operations.RunNowAsync(SyncHub.Core.Operations.RetryScope.Selected([id]), CancellationToken.None);
        await engine.Gateway.Arrived.WaitAsync(TimeSpan.FromSeconds(30));

        var result = await Service(engine).EditAndRetryAsync(id, Edited, "ada", CancellationToken.None);
        engine.Gateway.Release();
        await retry;

        result.Outcome.ShouldBe(EditAndRetryOutcome.Conflict);
        result.Message.ShouldContain("being delivered right now");
        (await engine.RecordAsync(id)).Payload.ShouldBe(Original);
        (await ChangesAsync(engine, id)).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("{\"customer\": {\"email\": \"a@x\", \"fax\": \"123\"},\n \"amount\": 12.5}", "is the same as the current payload")]
    [InlineData("{\n  \"amount\": 12.5,\n}", "is not valid JSON at line 3, column 1")]
    [InlineData("[1]", "must be a JSON object")]
    [InlineData("", "is required")]
    public async Task EditAndRetry_PayloadRefused_NamesThePayloadFieldAndChangesNothing(string payload, string message)
    {
        await using var engine = await EngineHarness.StartAsync();
        var id = await FailedAsync(engine);

        var result = await Service(engine).EditAndRetryAsync(id, payload, "ada", CancellationToken.None);

        result.Outcome.ShouldBe(EditAndRetryOutcome.Invalid);
        result.Errors.ShouldNotBeNull().ToDictionary()["payload"].ShouldHaveSingleItem().ShouldContain(message);
        await ShouldBeUntouchedAsync(engine, id);
    }

    [Fact]
    public async Task EditAndRetry_SourceSentANewerVersionSinceTheEditorOpened_IsAConflict()
    {
        await using var engine = await EngineHarness.StartAsync();
        var id = await FailedAsync(engine);

        var result = await Service(engine).EditAndRetryAsync(new EditAndRetryRequest(id, Edited, "ada") { ExpectedVersion = 3 }, CancellationToken.None);

        result.Outcome.ShouldBe(EditAndRetryOutcome.Conflict);
        result.Message.ShouldContain("version 3, now 1");
        await ShouldBeUntouchedAsync(engine, id);
    }

    [Fact]
    public async Task EditAndRetry_UnknownRecordOrOtherIntegration_IsNotFound()
    {
        await using var engine = await EngineHarness.StartAsync();
        var id = await FailedAsync(engine);

        var unknown = await Service(engine).EditAndRetryAsync(987654, Edited, "ada", CancellationToken.None);
        var elsewhere = await Service(engine).EditAndRetryAsync(new EditAndRetryRequest(id, Edited, "ada") { IntegrationId = 999 }, CancellationToken.None);

        unknown.Outcome.ShouldBe(EditAndRetryOutcome.NotFound);
        elsewhere.Outcome.ShouldBe(EditAndRetryOutcome.NotFound);
        await ShouldBeUntouchedAsync(engine, id);
    }

    private static EditAndRetryService Service(EngineHarness engine) => engine.Get<EditAndRetryService>();

    private static async Task<long> FailedAsync(EngineHarness engine)
    {
        await engine.CreateIntegrationAsync();
        var id = await engine.IngestAsync("books", "INV-1", Original);
        engine.Gateway.FailNextFor("INV-1", ErrorClass.Validation, "Email must be valid", 400);
        await engine.Orchestrator.DeliverDueAsync(CancellationToken.None);
        (await engine.RecordAsync(id)).Status.ShouldBe(RecordStatus.Failed);
        return id;
    }

    private static async Task SetStatusAsync(EngineHarness engine, long id, RecordStatus status)
    {
        await using var db = await engine.Get<IDbContextFactory<SyncHubDbContext>>().CreateDbContextAsync();
        await TestRecords.UpdateAsync(engine.Get<WriteGate>(), db, db.Records.Where(r => r.Id == id), s => s.SetProperty(r => r.Status, status));
    }

    private static async Task ShouldBeUntouchedAsync(EngineHarness engine, long id)
    {
        var record = await engine.RecordAsync(id);
        record.Payload.ShouldBe(Original);
        record.PayloadVersion.ShouldBe(1);
        engine.Gateway.RequestsFor(id).Count.ShouldBe(1);
        (await ChangesAsync(engine, id)).ShouldBeEmpty();
        (await engine.AuditLogAsync()).ShouldBeEmpty();
    }

    private static async Task<List<RecordChange>> ChangesAsync(EngineHarness engine, long recordId)
    {
        await using var db = await engine.Get<IDbContextFactory<SyncHubDbContext>>().CreateDbContextAsync();
        return await db.RecordChanges.AsNoTracking().Where(c => c.RecordId == recordId).ToListAsync();
    }
}
