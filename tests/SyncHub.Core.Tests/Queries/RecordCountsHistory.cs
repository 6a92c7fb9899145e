using Microsoft.EntityFrameworkCore;
using Shouldly;
using SyncHub.Connectors;
using SyncHub.Core.Failures;
using SyncHub.Core.Operations;
using SyncHub.Data;
using SyncHub.Data.Bookkeeping;
using SyncHub.Data.Entities;
using SyncHub.TestUtils;

namespace SyncHub.Core.Tests.Queries;

/// <summary>
/// One history of two integrations touched by every kind of change, a step at a time. A test starts the history
/// just before the step it is about (<see cref="BeforeAsync"/>), takes that step and checks the counts, so a broken
/// step fails its own test while the records carry everything the steps before it left.
/// </summary>
internal sealed class RecordCountsHistory : IAsyncDisposable
{
    private RecordCountsHistory(EngineHarness engine, Integration books, Integration shop)
    {
        Engine = engine;
        Books = books;
        Shop = shop;
    }

    public EngineHarness Engine { get; }

    public Integration Books { get; }

    public Integration Shop { get; }

    /// <summary>Six of the books integration's records that failed delivery.</summary>
    public long[] Failed { get; private set; } = [];

    /// <summary>The shop's record that failed validation.</summary>
    public long ShopFailed { get; private set; }

    public long Dead { get; private set; }

    /// <summary>Two integrations with every step before <paramref name="step"/> taken.</summary>
    public static async Task<RecordCountsHistory> BeforeAsync(RecordCountsStep step)
    {
        var engine = await EngineHarness.StartAsync();
        var history = new RecordCountsHistory(engine, await engine.CreateIntegrationAsync("books"), await engine.CreateIntegrationAsync("shop"));
        for (var earlier = RecordCountsStep.BooksFailed; earlier < step; earlier++)
        {
            await history.TakeAsync(earlier);
        }

        return history;
    }

    public Task TakeAsync(RecordCountsStep step) => step switch
    {
        RecordCountsStep.BooksFailed => BooksFailAsync(),
        RecordCountsStep.ShopDelivered => ShopDeliversAsync(),
        RecordCountsStep.DeadLettered => DeadLetterAsync(),
        RecordCountsStep.Dismissed => Actions.DismissAsync([Failed[0]], "not needed", "ada", null, CancellationToken.None),
        RecordCountsStep.Archived => Actions.ArchiveAsync([Failed[1], Failed[2], Dead], "ada", null, CancellationToken.None),
        RecordCountsStep.Restored => Actions.RestoreAsync([Failed[2]], "ben", null, CancellationToken.None),
        RecordCountsStep.RetriedAll => RetryAllAsync(),
        RecordCountsStep.NewPayloadVersion => NewPayloadVersionAsync(),
        RecordCountsStep.Crashed => CrashAsync(),
        RecordCountsStep.Recovered => Engine.RecoverAsync(),
        RecordCountsStep.RecordsDeleted => DeleteRecordsAsync(),
        RecordCountsStep.IntegrationDeleted => DeleteShopAsync(),
        _ => throw new ArgumentOutOfRangeException(nameof(step), step, null),
    };

    public Task<SyncHubDbContext> DbAsync() => Engine.Get<IDbContextFactory<SyncHubDbContext>>().CreateDbContextAsync();

    public ValueTask DisposeAsync() => Engine.DisposeAsync();

    private RecordActionService Actions => Engine.Get<RecordActionService>();

    private async Task BooksFailAsync() => Failed = await Engine.FailedRecordsAsync("books", 6);

    private async Task ShopDeliversAsync()
    {
        await Engine.IngestAsync("shop", "S-1");
        await Engine.IngestAsync("shop", "S-2");
        ShopFailed = await Engine.IngestAsync("shop", "S-3");
        Engine.Gateway.FailNextFor("S-3", ErrorClass.Validation, "Contact is required", 400);
        await Engine.Orchestrator.DeliverDueAsync(CancellationToken.None);
    }

    private async Task DeadLetterAsync()
    {
        await Engine.UpdateIntegrationAsync(Books.Id, i => i.Retry.MaxAutomaticAttempts = 0);
        Engine.Gateway.ThenFail(ErrorClass.Transient, "down", 503);
        Dead = await Engine.IngestAsync("books", "DL-1");
        await Engine.Orchestrator.DeliverDueAsync(CancellationToken.None);
        (await Engine.RecordAsync(Dead)).Status.ShouldBe(RecordStatus.DeadLetter);
    }

    private async Task RetryAllAsync()
    {
        Engine.Gateway.ThenFail(ErrorClass.Transient, "still down", 503);
        await Engine.Operations.RunNowAsync(RetryScope.All(Books.Id), CancellationToken.None);
    }

    // A new payload version queues the delivered S-1 again.
    private async Task NewPayloadVersionAsync()
    {
        await Engine.IngestAsync("shop", "S-1", """{"amount": 99}""");
        await Engine.IngestAsync("shop", "S-4");
    }

    // A crash leaves claimed records in flight.
    private async Task CrashAsync()
    {
        await using var db = await DbAsync();
        await TestRecords.UpdateAsync(
            Engine.Get<WriteGate>(), db, db.Records.Where(r => r.IntegrationId == Shop.Id && r.Status == RecordStatus.Pending), s => s.SetProperty(r => r.Status, RecordStatus.InFlight));
    }

    // A purge.
    private async Task DeleteRecordsAsync()
    {
        await Engine.WriteAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await RecordWrites.DeleteAsync(db, db.Records.Where(r => r.Id == Failed[3] || r.Id == Failed[1]), CancellationToken.None);
            await transaction.CommitAsync();
        });
    }

    private Task DeleteShopAsync() => Engine.WriteAsync(async db =>
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        await RecordWrites.DeleteIntegrationAsync(db, Shop.Id, CancellationToken.None);
        await transaction.CommitAsync();
    });
}
