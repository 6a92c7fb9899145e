using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using SyncHub.Connectors;
using SyncHub.Core.Failures;
using SyncHub.Core.Operations;
using SyncHub.Core.Queries;
using SyncHub.Core.Records;
using SyncHub.Data;
using SyncHub.Data.Bookkeeping;
using SyncHub.Data.Entities;
using SyncHub.TestUtils;

namespace SyncHub.Core.Tests.Queries;

/// <summary>
/// The maintained record counts against a real COUNT, and the work queue against the records' states, after every kind of change: ingest, delivery, failure, dead
/// letter, dismiss, archive and restore, Retry All, a new payload version, crash recovery, deleting records and
/// deleting an integration.
/// </summary>
public sealed class RecordCountsTests
{
    [Fact]
    public async Task Counts_AfterAMixOfOperations_MatchARealCount()
    {
        await using var engine = await EngineHarness.StartAsync();
        var books = await engine.CreateIntegrationAsync("books");
        var shop = await engine.CreateIntegrationAsync("shop");
        var actions = engine.Get<RecordActionService>();

        var failed = await engine.FailedRecordsAsync("books", 6);
        await MatchAsync(engine);
        await engine.IngestAsync("shop", "S-1");
        await engine.IngestAsync("shop", "S-2");
        var shopFailed = await engine.IngestAsync("shop", "S-3");
        engine.Gateway.FailNextFor("S-3", ErrorClass.Validation, "Contact is required", 400);
        await engine.Orchestrator.DeliverDueAsync(CancellationToken.None);
        await MatchAsync(engine);

        await engine.UpdateIntegrationAsync(books.Id, i => i.Retry.MaxAutomaticAttempts = 0);
        engine.Gateway.ThenFail(ErrorClass.Transient, "down", 503);
        var dead = await engine.IngestAsync("books", "DL-1");
        await engine.Orchestrator.DeliverDueAsync(CancellationToken.None);
        (await engine.RecordAsync(dead)).Status.ShouldBe(RecordStatus.DeadLetter);
        await MatchAsync(engine);

        await actions.DismissAsync([failed[0]], "not needed", "ada", null, CancellationToken.None);
        await actions.ArchiveAsync([failed[1], failed[2], dead], "ada", null, CancellationToken.None);
        await MatchAsync(engine);
        await actions.RestoreAsync([failed[2]], "ben", null, CancellationToken.None);
        await MatchAsync(engine);

        engine.Gateway.ThenFail(ErrorClass.Transient, "still down", 503);
        await engine.Operations.RunNowAsync(RetryScope.All(books.Id), CancellationToken.None);
        await MatchAsync(engine);

        // A new payload version queues a delivered record again; a crash leaves claimed records in flight.
        await engine.IngestAsync("shop", "S-1", """{"amount": 99}""");
        await engine.IngestAsync("shop", "S-4");
        await using (var db = await Db(engine))
        {
            await TestRecords.UpdateAsync(db, db.Records.Where(r => r.IntegrationId == shop.Id && r.Status == RecordStatus.Pending), s => s.SetProperty(r => r.Status, RecordStatus.InFlight));
        }

        await MatchAsync(engine);
        await engine.RecoverAsync();
        await MatchAsync(engine);

        // Deleting records (a purge) and an integration (its records go with it) take them off the counts.
        await using (var db = await Db(engine))
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await RecordWrites.DeleteAsync(db, db.Records.Where(r => r.Id == failed[3] || r.Id == failed[1]), CancellationToken.None);
            await transaction.CommitAsync();
        }

        await MatchAsync(engine);
        await using (var db = await Db(engine))
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await RecordWrites.DeleteIntegrationAsync(db, shop.Id, CancellationToken.None);
            await transaction.CommitAsync();
            (await db.Records.CountAsync(r => r.Id == shopFailed)).ShouldBe(0);
        }

        await MatchAsync(engine);
        var status = engine.Get<IntegrationStatusQuery>();
        (await status.CountsAsync(shop.Id, CancellationToken.None)).ShouldBe(new StatusCounts(0, 0, 0, 0, 0, 0));
    }

    [Fact]
    public async Task Counts_ArchivedFailuresAndDeadLetters_LeaveTheQueuesAndCountForTheArchive()
    {
        await using var engine = await EngineHarness.StartAsync();
        var books = await engine.CreateIntegrationAsync("books");
        var failed = await engine.FailedRecordsAsync("books", 3);
        await engine.IngestAsync("books", "P-1");

        await engine.Get<RecordActionService>().ArchiveAsync([failed[0]], "ada", null, CancellationToken.None);

        var counts = await engine.Get<IntegrationStatusQuery>().CountsAsync(books.Id, CancellationToken.None);
        counts.ShouldBe(new StatusCounts(Pending: 1, InFlight: 0, Delivered: 0, Failed: 2, DeadLetter: 0, Archived: 1));
        (await engine.Get<IntegrationStatusQuery>().TotalsAsync(CancellationToken.None)).ShouldBe(counts);
    }

    [Fact]
    public async Task Counts_SkippedBlockedAndDismissedRecords_EachShowInTheIntegrationsCounts()
    {
        await using var engine = await EngineHarness.StartAsync();
        var books = await engine.CreateIntegrationAsync("books");
        var skipped = await engine.IngestAsync("books", "S-1");
        engine.Gateway.FailNextFor("S-1", ErrorClass.SchemaMismatch, "unexpected structure");
        var parent = (await engine.FailedRecordsAsync("books", 2, ErrorClass.Validation, 422))[0];
        var parentRecord = await engine.RecordAsync(parent);
        using var payload = JsonDocument.Parse("""{"amount": 10}""");
        await engine.Get<IngestService>().IngestAsync(
            "books", new IngestRequest("invoice", "CHILD-1", payload.RootElement.Clone(), new IngestParent(parentRecord.EntityType, parentRecord.SourceId)), CancellationToken.None);
        while ((await engine.Orchestrator.DeliverDueAsync(CancellationToken.None)).Attempted > 0)
        {
        }

        var failed = await engine.Get<FailedRecordsQuery>().PageAsync(books.Id, null, 10, CancellationToken.None);
        await engine.Get<RecordActionService>().DismissAsync([failed.Items.First(r => r.Id != parent).Id], "not needed", "ada", null, CancellationToken.None);

        (await engine.RecordAsync(skipped)).Status.ShouldBe(RecordStatus.Skipped);
        var counts = await engine.Get<IntegrationStatusQuery>().CountsAsync(books.Id, CancellationToken.None);
        counts.Skipped.ShouldBe(1);
        counts.Blocked.ShouldBe(1);
        counts.Dismissed.ShouldBe(1);
        counts.Failed.ShouldBe(1);
        await MatchAsync(engine);
    }

    /// <summary>The stored counts equal a GROUP BY over the records, and the page counts equal the old way of counting.</summary>
    private static async Task MatchAsync(EngineHarness engine)
    {
        await using var db = await Db(engine);
        var real = await db.Records.GroupBy(r => new { r.IntegrationId, r.Status, Archived = r.ArchivedAt != null })
            .Select(g => new { g.Key.IntegrationId, g.Key.Status, g.Key.Archived, Count = (long)g.Count() })
            .ToListAsync();
        var stored = await db.RecordCounts.AsNoTracking().ToListAsync();
        stored.ShouldAllBe(c => c.Count >= 0);
        stored.Where(c => c.Count != 0).Select(c => (c.IntegrationId, c.Status, c.Archived, c.Count)).OrderBy(c => c)
            .ShouldBe(real.Select(c => (c.IntegrationId, c.Status, c.Archived, c.Count)).OrderBy(c => c));

        var status = engine.Get<IntegrationStatusQuery>();
        foreach (var integration in await db.Integrations.Select(i => i.Id).ToListAsync())
        {
            (await status.CountsAsync(integration, CancellationToken.None)).ShouldBe(await CountAsync(db.Records.Where(r => r.IntegrationId == integration)));
        }

        (await status.TotalsAsync(CancellationToken.None)).ShouldBe(await CountAsync(db.Records));
        await QueueMatchesTheRecordsAsync(db);
    }

    /// <summary>The work queue holds exactly what the records' states say: rebuilt from scratch (and rolled back), it is the same.</summary>
    private static async Task QueueMatchesTheRecordsAsync(SyncHubDbContext db)
    {
        static async Task<List<string>> RowsAsync(SyncHubDbContext db) =>
            [.. (await db.WorkQueue.AsNoTracking().OrderBy(w => w.RecordId).ToListAsync())
                .Select(w => $"{w.RecordId} {w.IntegrationId} {w.Lane} {w.DueAt:O} {w.OperationId} {w.RunId} {w.ClaimToken} {w.ClaimedBy}")];

        var kept = await RowsAsync(db);
        await using var transaction = await db.Database.BeginTransactionAsync();
        await db.WorkQueue.ExecuteDeleteAsync();
        await db.Database.ExecuteSqlRawAsync(WorkQueueProjection.InsertFor("1 = 1"));
        var rebuilt = await RowsAsync(db);
        await transaction.RollbackAsync();
        kept.ShouldBe(rebuilt);
    }

    // The counts as the pages computed them before they were maintained: a GROUP BY over every record.
    private static async Task<StatusCounts> CountAsync(IQueryable<SyncRecord> records)
    {
        var all = await records.GroupBy(r => r.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        var archived = await records.Where(r => r.ArchivedAt != null).GroupBy(r => r.Status).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count);
        int Active(RecordStatus status) => all.GetValueOrDefault(status) - archived.GetValueOrDefault(status);
        return new StatusCounts(
            all.GetValueOrDefault(RecordStatus.Pending), all.GetValueOrDefault(RecordStatus.InFlight), all.GetValueOrDefault(RecordStatus.Delivered),
            Active(RecordStatus.Failed), Active(RecordStatus.DeadLetter), archived.Values.Sum())
        {
            NeedsReview = Active(RecordStatus.NeedsReview),
            Skipped = Active(RecordStatus.Skipped),
            Blocked = Active(RecordStatus.Blocked),
            Dismissed = Active(RecordStatus.Dismissed),
        };
    }

    private static Task<SyncHubDbContext> Db(EngineHarness engine) =>
        engine.Get<IDbContextFactory<SyncHubDbContext>>().CreateDbContextAsync();
}
