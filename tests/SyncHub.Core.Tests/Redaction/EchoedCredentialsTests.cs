using Microsoft.EntityFrameworkCore;
using Shouldly;
using SyncHub.Connectors;
using SyncHub.Core.Failures.Groups;
using SyncHub.Core.Plugins;
using SyncHub.Core.Tests.Runs;
using SyncHub.Data;
using SyncHub.Data.Entities;
using SyncHub.TestUtils;

namespace SyncHub.Core.Tests.Redaction;

/// <summary>A destination that echoes the request's credentials: they never reach a record, the sync log, a failure group, a note or the log.</summary>
public sealed class EchoedCredentialsTests
{
    private const string Secret = "SQ-live-7Hq2x9Kf3p";

    [Fact]
    public async Task Delivery_DestinationEchoesTheToken_NoStoredTextOrLogLineHoldsIt()
    {
        await using var engine = await StartAsync();
        var id = await engine.IngestAsync("books", "INV-1");
        engine.Gateway.ThenFail(ErrorClass.Validation, $"HTTP 400 Bad Request: you sent Authorization: Bearer {Secret}; X-Token={Secret} and {{\"token\": \"{Secret}\"}}", 400);

        await engine.Orchestrator.DeliverDueAsync(CancellationToken.None);

        var record = await engine.RecordAsync(id);
        record.Status.ShouldBe(RecordStatus.Failed);
        record.LastErrorMessage.ShouldNotBeNull().ShouldStartWith("HTTP 400 Bad Request: you sent Authorization: [redacted]");
        record.LastErrorMessage.ShouldNotContain(Secret);
        (await engine.AttemptsAsync(id)).ShouldAllBe(a => a.Message == null || !a.Message.Contains(Secret));
        var group = (await engine.Get<FailureGroupsQuery>().ListAsync(null, RecordStatus.Failed, CancellationToken.None)).ShouldHaveSingleItem();
        group.SampleMessage.ShouldNotBeNull().ShouldNotContain(Secret);
        engine.Logs.Lines.ShouldAllBe(line => !line.Contains(Secret));
    }

    [Fact]
    public async Task Delivery_ConnectorThrowsWithTheToken_AttemptConnectorProblemAndLogOmitIt()
    {
        await using var engine = await StartAsync();
        var ids = new List<long>();
        for (var i = 0; i < ConnectorFaults.Threshold; i++)
        {
            ids.Add(await engine.IngestAsync("books", $"INV-{i}"));
            engine.Gateway.ThenThrow(new InvalidOperationException($"request to https://api.example/x?access_token={Secret} failed"));
        }

        await engine.Orchestrator.DeliverDueAsync(CancellationToken.None);

        foreach (var id in ids)
        {
            var record = await engine.RecordAsync(id);
            record.LastErrorClass.ShouldBe(ErrorClass.ConnectorFault);
            record.LastErrorMessage.ShouldBe("The connector failed: InvalidOperationException: request to https://api.example/x?access_token=[redacted] failed");
        }

        engine.Get<IConnectorCatalog>().Problems.ShouldHaveSingleItem().Reason.ShouldNotContain(Secret);
        engine.Logs.Lines.ShouldContain(line => line.Contains("InvalidOperationException") && line.Contains("access_token=[redacted]"));
        engine.Logs.Lines.ShouldAllBe(line => !line.Contains(Secret));
    }

    [Fact]
    public async Task Delivery_CredentialsRefusedWithTheTokenEchoed_ConnectionNoteOmitsIt()
    {
        await using var engine = await StartAsync();
        await engine.IngestAsync("books", "INV-1");
        engine.Gateway.ThenFail(ErrorClass.Authentication, $"401: token {Secret} is not valid", 401);

        await engine.Orchestrator.DeliverDueAsync(CancellationToken.None);

        await using var db = await engine.Get<IDbContextFactory<SyncHubDbContext>>().CreateDbContextAsync();
        var integration = await db.Integrations.SingleAsync(i => i.Slug == "books");
        integration.ConnectionState.ShouldBe(ConnectionState.Expired);
        integration.ConnectionNote.ShouldBe("Credentials were refused: 401: token [redacted] is not valid");
    }

    [Fact]
    public async Task Run_SourceEchoesABearerToken_RunNoteAndLogOmitIt()
    {
        await using var engine = await EngineHarness.StartAsync();
        var integration = await engine.CreateSourceIntegrationAsync();
        engine.Source.ThenReadFails(ErrorClass.Validation, $"400: bad cursor (Authorization: Bearer {Secret})", 400);

        var run = await engine.RunAsync(integration.Id);

        run.Status.ShouldBe(RunStatus.Failed);
        run.Note.ShouldNotBeNull().ShouldContain("bad cursor (Authorization: [redacted]");
        run.Note.ShouldNotContain(Secret);
        engine.Logs.Lines.ShouldAllBe(line => !line.Contains(Secret));
    }

    private static async Task<EngineHarness> StartAsync()
    {
        var engine = await EngineHarness.StartAsync();
        engine.Gateway.Info = new(FakeGateway.Name, "Fake", "1.0.0") { Settings = [new("accessToken", "Access token") { Secret = true }] };
        await engine.CreateIntegrationAsync("books", settingsJson: $$"""{"accessToken": "{{Secret}}"}""");
        return engine;
    }
}
