using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using SyncHub.Core.Records;
using SyncHub.Data;
using SyncHub.TestUtils;

namespace SyncHub.Core.Tests.Records;

/// <summary>Single ingests that arrive while the writer is busy are written together; each caller gets its own answer.</summary>
public sealed class IngestGroupCommitTests
{
    [Fact]
    public async Task IngestAsync_CallersQueuedBehindTheWriter_EachGetsItsOwnResult()
    {
        await using var engine = await EngineHarness.StartAsync();
        await engine.CreateIntegrationAsync();
        var ingest = engine.Get<IngestService>();
        var gate = await engine.Get<WriteGate>().EnterAsync(CancellationToken.None);

        var distinct = Enumerable.Range(0, 10).Select(i => Ingest(ingest, "INV-" + i, $$"""{"amount": {{i}}}""")).ToList();
        var duplicates = new[] { Ingest(ingest, "DUP", """{"amount": 1}"""), Ingest(ingest, "DUP", """{"amount": 2}""") };
        var invalid = await Ingest(ingest, "", """{"amount": 1}""");
        gate.Dispose();

        invalid.Outcome.ShouldBe(IngestOutcome.Invalid);
        invalid.Errors!.ToDictionary().Keys.ShouldContain("sourceId");
        var created = await Task.WhenAll(distinct);
        created.ShouldAllBe(r => r.Outcome == IngestOutcome.Created);
        created.Select(r => r.RecordId).Distinct().Count().ShouldBe(10);
        foreach (var (result, i) in created.Select((r, i) => (r, i)))
        {
            (await engine.RecordAsync(result.RecordId)).SourceId.ShouldBe("INV-" + i);
        }

        var dup = await Task.WhenAll(duplicates);
        dup.Select(r => r.Outcome).OrderBy(o => o).ShouldBe([IngestOutcome.Created, IngestOutcome.Updated]);
        dup[0].RecordId.ShouldBe(dup[1].RecordId);
        var stored = await engine.RecordAsync(dup[0].RecordId);
        stored.PayloadVersion.ShouldBe(2);
        stored.Payload.ShouldBe(dup[0].Outcome == IngestOutcome.Updated ? """{"amount": 1}""" : """{"amount": 2}""", "the later caller's payload wins");
        await using var db = await engine.Get<IDbContextFactory<SyncHubDbContext>>().CreateDbContextAsync();
        (await db.Records.CountAsync()).ShouldBe(11);
    }

    [Fact]
    public async Task IngestAsync_TheGroupsWriteFails_EveryCallerSeesTheErrorAndNothingIsHalfWritten()
    {
        await using var engine = await EngineHarness.StartAsync();
        await engine.CreateIntegrationAsync();
        var ingest = engine.Get<IngestService>();
        var gate = await engine.Get<WriteGate>().EnterAsync(CancellationToken.None);
        var callers = Enumerable.Range(0, 5).Select(i => Ingest(ingest, "FULL-" + i, """{"amount": 1}""")).ToList();
        engine.WriteFaults.Failing = true;
        gate.Dispose();

        foreach (var caller in callers)
        {
            (await Should.ThrowAsync<Exception>(caller)).ToString().ShouldContain("database or disk is full");
        }

        engine.WriteFaults.Failing = false;
        await using var db = await engine.Get<IDbContextFactory<SyncHubDbContext>>().CreateDbContextAsync();
        (await db.Records.CountAsync()).ShouldBe(0);
        (await Ingest(ingest, "FULL-0", """{"amount": 1}""")).Outcome.ShouldBe(IngestOutcome.Created, "the source may send it again");
    }

    private static async Task<IngestResult> Ingest(IngestService ingest, string sourceId, string payloadJson)
    {
        using var payload = JsonDocument.Parse(payloadJson);
        return await ingest.IngestAsync("books", new IngestRequest("invoice", sourceId, payload.RootElement.Clone()), CancellationToken.None);
    }
}
