using Microsoft.EntityFrameworkCore;
using Shouldly;
using SyncHub.Connectors;
using SyncHub.Core.Failures.Groups;
using SyncHub.Core.Queries;
using SyncHub.Core.Redaction;
using SyncHub.Core.Tests.Runs;
using SyncHub.Data;
using SyncHub.Data.Entities;
using SyncHub.TestUtils;

namespace SyncHub.Core.Tests.Redaction;

/// <summary>Text stored before provider messages were redacted is redacted once at start-up, and only once.</summary>
public sealed class StoredTextRedactionTests
{
    private const string Secret = "SQ-live-7Hq2x9Kf3p";
    private const string Echo = "HTTP 400 Bad Request: you sent Authorization: Bearer " + Secret;

    [Fact]
    public async Task RunOnce_OlderTextHoldsTheSecret_EveryStoredCopyRedactedAndMarkedDone()
    {
        await using var engine = await StartAsync();
        var (id, integrationId) = await StoredFailureAsync(engine);
        var run = await engine.RunAsync((await engine.CreateSourceIntegrationAsync()).Id);
        await engine.WriteAsync(async db =>
        {
            await db.Runs.Where(r => r.Id == run.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.Note, "The source could not be read: token " + Secret));
            await db.Integrations.Where(i => i.Id == integrationId).ExecuteUpdateAsync(s => s.SetProperty(i => i.ConnectionNote, "Credentials were refused: " + Echo));
        });

        var counts = await engine.Get<IntegrationStatusQuery>().CountsAsync(integrationId, CancellationToken.None);

        var changed = await engine.Get<StoredTextRedaction>().RunOnceAsync(CancellationToken.None);

        changed.ShouldBe(4);
        var record = await engine.RecordAsync(id);
        record.LastErrorMessage.ShouldBe("HTTP 400 Bad Request: you sent Authorization: [redacted]");
        record.Status.ShouldBe(RecordStatus.Failed);
        record.ErrorFingerprint.ShouldBe(ErrorFingerprint.For(integrationId, ErrorClass.Validation, record.LastErrorMessage));
        (await engine.AttemptsAsync(id)).Single().Message.ShouldBe(record.LastErrorMessage);
        (await engine.RunRecordAsync(run.Id)).Note.ShouldBe("The source could not be read: token [redacted]");
        (await engine.IntegrationAsync(integrationId)).ConnectionNote.ShouldBe("Credentials were refused: HTTP 400 Bad Request: you sent Authorization: [redacted]");
        (await engine.Get<IntegrationStatusQuery>().CountsAsync(integrationId, CancellationToken.None)).ShouldBe(counts);
        (await engine.AuditLogAsync()).Where(a => a.Action == RedactionAuditActions.StoredTextRedacted).ShouldHaveSingleItem().Detail.ShouldBe("4 stored texts had credentials removed.");
    }

    [Fact]
    public async Task RunOnce_SecondTime_DoesNothing()
    {
        await using var engine = await StartAsync();
        await StoredFailureAsync(engine);
        await engine.Get<StoredTextRedaction>().RunOnceAsync(CancellationToken.None);
        var (later, _) = await StoredFailureAsync(engine, "INV-2");

        (await engine.Get<StoredTextRedaction>().RunOnceAsync(CancellationToken.None)).ShouldBe(0);

        (await engine.RecordAsync(later)).LastErrorMessage.ShouldBe(Echo, "the pass ran once; new text is redacted on its way in");
        (await engine.AuditLogAsync()).Count.ShouldBe(1);
    }

    [Fact]
    public async Task RunOnce_ConnectorNotLoaded_RedactsTheShapesAndRunsAgainLater()
    {
        await using var engine = await StartAsync();
        var (id, integrationId) = await StoredFailureAsync(engine);
        await engine.UpdateIntegrationAsync(integrationId, i => i.Connector = "gone");

        (await engine.Get<StoredTextRedaction>().RunOnceAsync(CancellationToken.None)).ShouldBe(2, "the record and its attempt");

        (await engine.RecordAsync(id)).LastErrorMessage.ShouldBe("HTTP 400 Bad Request: you sent Authorization: [redacted]");
        (await engine.AuditLogAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task RunOnce_NoIntegrations_WritesNothing()
    {
        await using var engine = await EngineHarness.StartAsync();

        (await engine.Get<StoredTextRedaction>().RunOnceAsync(CancellationToken.None)).ShouldBe(0);

        (await engine.AuditLogAsync()).ShouldBeEmpty();
    }

    private static async Task<EngineHarness> StartAsync()
    {
        var engine = await EngineHarness.StartAsync();
        engine.Gateway.Info = new(FakeGateway.Name, "Fake", "1.0.0") { Settings = [new("accessToken", "Access token") { Secret = true }] };
        await engine.CreateIntegrationAsync("books", settingsJson: $$"""{"accessToken": "{{Secret}}"}""");
        return engine;
    }

    /// <summary>A failure as an older version stored it: the destination's echo, secret and all.</summary>
    private static async Task<(long Id, int IntegrationId)> StoredFailureAsync(EngineHarness engine, string sourceId = "INV-1")
    {
        var id = await engine.IngestAsync("books", sourceId);
        engine.Gateway.ThenFail(ErrorClass.Validation, "refused", 422);
        await engine.Orchestrator.DeliverDueAsync(CancellationToken.None);
        var record = await engine.RecordAsync(id);
        await engine.WriteAsync(async db =>
        {
            await db.Records.Where(r => r.Id == id).ExecuteUpdateAsync(s => s
                .SetProperty(r => r.LastErrorMessage, Echo)
                .SetProperty(r => r.ErrorFingerprint, ErrorFingerprint.For(record.IntegrationId, ErrorClass.Validation, Echo)));
            await db.Attempts.Where(a => a.RecordId == id).ExecuteUpdateAsync(s => s.SetProperty(a => a.Message, Echo));
        });
        return (id, record.IntegrationId);
    }
}
