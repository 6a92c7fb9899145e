using Microsoft.EntityFrameworkCore;
using Shouldly;
using SyncHub.Connectors;
using SyncHub.Data;
using SyncHub.Data.Entities;
using SyncHub.TestUtils;

namespace SyncHub.Core.Tests.Fixes;

/// <summary>A validation error the integration's automatic fixes can repair is fixed, recorded and retried at once.</summary>
public sealed class AutoFixDeliveryTests
{
    private const string BadEmail = """{"name":"Ann","email":" Ann@Example.COM "}""";

    [Fact]
    public async Task Deliver_DestinationRefusesABadEmailNamingTheField_FixesRetriesAndDelivers()
    {
        await using var engine = await EngineHarness.StartAsync();
        await engine.CreateIntegrationAsync();
        var id = await engine.IngestAsync("books", "C-1", BadEmail, "contact");
        engine.Gateway.AnswerNextFor("C-1", RefusedEmail());

        await DeliverAllAsync(engine);

        var record = await engine.RecordAsync(id);
        record.Status.ShouldBe(RecordStatus.Delivered);
        record.PayloadVersion.ShouldBe(2);
        record.Payload.ShouldBe("""{"name":"Ann","email":"ann@example.com"}""");
        var requests = engine.Gateway.RequestsFor(id);
        requests.Count.ShouldBe(2);
        requests[1].Body.ShouldContain("\"ann@example.com\"");
        requests[1].IdempotencyKey.ShouldNotBe(requests[0].IdempotencyKey);
        var change = (await ChangesAsync(engine, id)).ShouldHaveSingleItem();
        change.Kind.ShouldBe(RecordChangeKind.AutoFix);
        change.Actor.ShouldBe("system");
        (change.FromVersion, change.ToVersion).ShouldBe((1, 2));
        change.At.ShouldBe(engine.Time.GetUtcNow());
        change.Detail.ShouldBe("email /email: \" Ann@Example.COM \" → \"ann@example.com\"");
        change.PreviousPayload.ShouldBe(BadEmail);
        var attempts = await engine.AttemptsAsync(id);
        attempts.Select(a => (a.Status, a.PayloadVersion)).ShouldBe([(AttemptStatus.Succeeded, 1), (AttemptStatus.Succeeded, 2)]);
        attempts[0].ErrorClass.ShouldBe(ErrorClass.Validation);
    }

    [Fact]
    public async Task Deliver_ValidationErrorNoFixApplies_StaysFailedUnchanged()
    {
        await using var engine = await EngineHarness.StartAsync();
        await engine.CreateIntegrationAsync();
        var id = await engine.IngestAsync("books", "C-1", """{"email":"ann at example"}""", "contact");
        engine.Gateway.AnswerNextFor("C-1", RefusedEmail());

        await DeliverAllAsync(engine);

        var record = await engine.RecordAsync(id);
        record.Status.ShouldBe(RecordStatus.Failed);
        record.LastErrorClass.ShouldBe(ErrorClass.Validation);
        record.PayloadVersion.ShouldBe(1);
        record.Payload.ShouldBe("""{"email":"ann at example"}""");
        engine.Gateway.RequestsFor(id).Count.ShouldBe(1);
        (await ChangesAsync(engine, id)).ShouldBeEmpty();
        engine.Logs.Lines.ShouldContain(l => l.Contains($"Record {id}: no automatic fix applies") && l.Contains("fields: Contact.EmailAddress"));
        engine.Logs.Lines.ShouldNotContain(l => l.Contains("ann at example"));
    }

    [Fact]
    public async Task Deliver_IntegrationWithAutoFixesOff_LeavesTheFailure()
    {
        await using var engine = await EngineHarness.StartAsync();
        var integration = await engine.CreateIntegrationAsync();
        await engine.UpdateIntegrationAsync(integration.Id, i => i.AutoFixes = "");
        var id = await engine.IngestAsync("books", "C-1", BadEmail, "contact");
        engine.Gateway.AnswerNextFor("C-1", RefusedEmail());

        await DeliverAllAsync(engine);

        var record = await engine.RecordAsync(id);
        record.Status.ShouldBe(RecordStatus.Failed);
        record.Payload.ShouldBe(BadEmail);
        (await ChangesAsync(engine, id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Deliver_OtherErrorClass_IsNotFixed()
    {
        await using var engine = await EngineHarness.StartAsync();
        await engine.CreateIntegrationAsync();
        var id = await engine.IngestAsync("books", "C-1", BadEmail, "contact");
        engine.Gateway.FailNextFor("C-1", ErrorClass.Authorization, "Forbidden", 403);

        await DeliverAllAsync(engine);

        (await engine.RecordAsync(id)).Payload.ShouldBe(BadEmail);
        (await ChangesAsync(engine, id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Deliver_DestinationNamesOneFieldAtATime_StopsAfterThreeAutomaticFixes()
    {
        await using var engine = await EngineHarness.StartAsync();
        await engine.CreateIntegrationAsync();
        var id = await engine.IngestAsync("books", "C-1", """{"email":"A@B.COM","phone":"(415) 555-0123","date":"2025/03/14","amount":1.005}""", "contact");
        foreach (var field in new[] { "Email", "Phone", "Date", "Amount" })
        {
            engine.Gateway.Then(DeliveryOutcome.Invalid($"{field} is invalid", [new FieldProblem(field, "is invalid")], 400));
        }

        await DeliverAllAsync(engine);

        var record = await engine.RecordAsync(id);
        record.Status.ShouldBe(RecordStatus.Failed);
        record.PayloadVersion.ShouldBe(4);
        record.Payload.ShouldBe("""{"email":"a@b.com","phone":"+14155550123","date":"2025-03-14","amount":1.005}""");
        (await ChangesAsync(engine, id)).Select(c => (c.FromVersion, c.ToVersion)).ShouldBe([(1, 2), (2, 3), (3, 4)]);
        engine.Gateway.RequestsFor(id).Count.ShouldBe(4);
    }

    [Fact]
    public async Task Deliver_PayloadVersionAlreadyFixedOnce_IsNotFixedAgain()
    {
        await using var engine = await EngineHarness.StartAsync();
        await engine.CreateIntegrationAsync();
        var id = await engine.IngestAsync("books", "C-1", BadEmail, "contact");
        await using (var db = await engine.Get<IDbContextFactory<SyncHubDbContext>>().CreateDbContextAsync())
        {
            db.RecordChanges.Add(new RecordChange { RecordId = id, Actor = "system", Kind = RecordChangeKind.AutoFix, FromVersion = 1, ToVersion = 2, Detail = "earlier" });
            await engine.Get<WriteGate>().WriteAsync(() => db.SaveChangesAsync());
        }

        engine.Gateway.AnswerNextFor("C-1", RefusedEmail());

        await DeliverAllAsync(engine);

        var record = await engine.RecordAsync(id);
        record.Status.ShouldBe(RecordStatus.Failed);
        record.Payload.ShouldBe(BadEmail);
        (await ChangesAsync(engine, id)).Count.ShouldBe(1);
    }

    internal static DeliveryOutcome RefusedEmail() =>
        DeliveryOutcome.Invalid("Email address must be valid", [new FieldProblem("Contact.EmailAddress", "Email address must be valid.")], 400);

    private static async Task DeliverAllAsync(EngineHarness engine)
    {
        while ((await engine.Orchestrator.DeliverDueAsync(CancellationToken.None)).Attempted > 0)
        {
        }
    }

    private static async Task<List<RecordChange>> ChangesAsync(EngineHarness engine, long recordId)
    {
        await using var db = await engine.Get<IDbContextFactory<SyncHubDbContext>>().CreateDbContextAsync();
        return await db.RecordChanges.AsNoTracking().Where(c => c.RecordId == recordId).OrderBy(c => c.Id).ToListAsync();
    }
}
