using Microsoft.EntityFrameworkCore;
using Shouldly;
using SyncHub.Connectors;
using SyncHub.Data;
using SyncHub.Data.Entities;
using SyncHub.TestUtils;

namespace SyncHub.Core.Tests.Duplicates;

/// <summary>What an outcome says beyond delivered or failed reaches the record and the integration.</summary>
public sealed class OutcomeDetailsTests
{
    [Fact]
    public async Task Linked_IsDelivered_WithTheNote_AndAHistoryEntry()
    {
        await using var engine = await EngineHarness.StartAsync();
        await engine.CreateIntegrationAsync();
        var id = await engine.IngestAsync("books", "M-1", """{"email": "a@example.com"}""", "member");
        engine.Gateway.AnswerNextFor("M-1", DeliveryOutcome.Linked("SQ-9", "Linked to existing customer SQ-9 by email", 200));

        await engine.Orchestrator.DeliverDueAsync(CancellationToken.None);

        var record = await engine.RecordAsync(id);
        record.Status.ShouldBe(RecordStatus.Delivered);
        record.ExternalId.ShouldBe("SQ-9");
        record.ResolutionNote.ShouldBe("Linked to existing customer SQ-9 by email");
        (await ChangesAsync(engine, id)).ShouldHaveSingleItem().Kind.ShouldBe(RecordChangeKind.Link);
    }

    [Fact]
    public async Task FieldProblems_AreKeptOnTheRecord()
    {
        await using var engine = await EngineHarness.StartAsync();
        await engine.CreateIntegrationAsync();
        var id = await engine.IngestAsync("books", "INV-1");
        engine.Gateway.AnswerNextFor("INV-1", DeliveryOutcome.Invalid("Validation failed", [new FieldProblem("Contact.EmailAddress", "Email address must be valid.")], 400));

        await engine.Orchestrator.DeliverDueAsync(CancellationToken.None);

        var record = await engine.RecordAsync(id);
        record.LastErrorClass.ShouldBe(ErrorClass.Validation);
        record.FieldProblemsJson.ShouldNotBeNull().ShouldContain("Contact.EmailAddress");
    }

    [Fact]
    public async Task RefusedCredentials_ExpireTheConnection_UntilADeliverySucceeds()
    {
        await using var engine = await EngineHarness.StartAsync();
        var integration = await engine.CreateIntegrationAsync();
        await engine.IngestAsync("books", "INV-1");
        engine.Gateway.AnswerNextFor("INV-1", DeliveryOutcome.Failed(ErrorClass.Authentication, "Refresh token refused; re-authorise.", 401));
        await engine.Orchestrator.DeliverDueAsync(CancellationToken.None);
        (await IntegrationAsync(engine, integration.Id)).ConnectionState.ShouldBe(ConnectionState.Expired);

        await engine.IngestAsync("books", "INV-2");
        await engine.Orchestrator.DeliverDueAsync(CancellationToken.None);

        (await IntegrationAsync(engine, integration.Id)).ConnectionState.ShouldBe(ConnectionState.Healthy);
    }

    private static async Task<List<RecordChange>> ChangesAsync(EngineHarness engine, long id)
    {
        await using var db = await engine.Get<IDbContextFactory<SyncHubDbContext>>().CreateDbContextAsync();
        return await db.RecordChanges.Where(c => c.RecordId == id).ToListAsync();
    }

    private static async Task<Integration> IntegrationAsync(EngineHarness engine, int id)
    {
        await using var db = await engine.Get<IDbContextFactory<SyncHubDbContext>>().CreateDbContextAsync();
        return await db.Integrations.AsNoTracking().SingleAsync(i => i.Id == id);
    }
}
