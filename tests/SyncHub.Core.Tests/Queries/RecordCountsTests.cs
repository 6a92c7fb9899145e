using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using SyncHub.Connectors;
using SyncHub.Core.Failures;
using SyncHub.Core.Queries;
using SyncHub.Core.Records;
using SyncHub.Data.Entities;
using SyncHub.TestUtils;

namespace SyncHub.Core.Tests.Queries;

/// <summary>
/// The maintained record counts against a real COUNT, and the work queue against the records' states, after every
/// kind of change, one change per test: ingest, delivery, failure, dead letter, dismiss, archive and restore, Retry
/// All, a new payload version, a crash and its recovery, deleting records and deleting an integration.
/// </summary>
public sealed class RecordCountsTests
{
    [Fact]
    public async Task Counts_RecordsFailDelivery_MatchARealCount() => await TakeAndMatchAsync(RecordCountsStep.BooksFailed);

    [Fact]
    public async Task Counts_DeliveriesWithAValidationFailure_MatchARealCount() => await TakeAndMatchAsync(RecordCountsStep.ShopDelivered);

    [Fact]
    public async Task Counts_RecordDeadLettered_MatchARealCount() => await TakeAndMatchAsync(RecordCountsStep.DeadLettered);

    [Fact]
    public async Task Counts_FailedRecordDismissed_MatchARealCount() => await TakeAndMatchAsync(RecordCountsStep.Dismissed);

    [Fact]
    public async Task Counts_FailedAndDeadLetteredRecordsArchived_MatchARealCount() => await TakeAndMatchAsync(RecordCountsStep.Archived);

    [Fact]
    public async Task Counts_ArchivedRecordRestored_MatchARealCount() => await TakeAndMatchAsync(RecordCountsStep.Restored);

    [Fact]
    public async Task Counts_RetryAllFailsAgain_MatchARealCount() => await TakeAndMatchAsync(RecordCountsStep.RetriedAll);

    [Fact]
    public async Task Counts_NewPayloadVersionQueuesADeliveredRecord_MatchARealCount() => await TakeAndMatchAsync(RecordCountsStep.NewPayloadVersion);

    [Fact]
    public async Task Counts_CrashLeavesRecordsInFlight_MatchARealCount() => await TakeAndMatchAsync(RecordCountsStep.Crashed);

    [Fact]
    public async Task Counts_CrashRecovered_MatchARealCount() => await TakeAndMatchAsync(RecordCountsStep.Recovered);

    [Fact]
    public async Task Counts_RecordsPurged_MatchARealCount() => await TakeAndMatchAsync(RecordCountsStep.RecordsDeleted);

    [Fact]
    public async Task Counts_IntegrationDeleted_MatchARealCount() => await TakeAndMatchAsync(RecordCountsStep.IntegrationDeleted);

    [Fact]
    public async Task Counts_IntegrationDeleted_AreZeroForThatIntegration()
    {
        await using var history = await RecordCountsHistory.BeforeAsync(RecordCountsStep.IntegrationDeleted);

        await history.TakeAsync(RecordCountsStep.IntegrationDeleted);

        var status = history.Engine.Get<IntegrationStatusQuery>();
        (await status.CountsAsync(history.Shop.Id, CancellationToken.None)).ShouldBe(new StatusCounts(0, 0, 0, 0, 0, 0));
    }

    [Fact]
    public async Task DeleteIntegration_WithFailedRecords_DeletesItsRecords()
    {
        await using var history = await RecordCountsHistory.BeforeAsync(RecordCountsStep.IntegrationDeleted);

        await history.TakeAsync(RecordCountsStep.IntegrationDeleted);

        await using var db = await history.DbAsync();
        (await db.Records.CountAsync(r => r.Id == history.ShopFailed)).ShouldBe(0);
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
        await RecordCountsCheck.MatchAsync(engine);
    }

    /// <summary>Runs the history up to <paramref name="step"/>, takes it, and compares the counts with the records.</summary>
    private static async Task TakeAndMatchAsync(RecordCountsStep step)
    {
        await using var history = await RecordCountsHistory.BeforeAsync(step);

        await history.TakeAsync(step);

        await RecordCountsCheck.MatchAsync(history.Engine);
    }
}
