using Shouldly;
using SyncHub.Connectors;
using SyncHub.Core.Queries;
using SyncHub.Data.Entities;
using SyncHub.TestUtils;

namespace SyncHub.Core.Tests.Queries;

/// <summary>The failed list's diagnosis is read from the integration's own recent attempts.</summary>
public sealed class DiagnosisQueryTests
{
    [Fact]
    public async Task FailedList_One401AmongDeliveries_ShowsItsShareWithoutTheAllRecordsHint()
    {
        await using var engine = await EngineHarness.StartAsync();
        var books = await engine.CreateIntegrationAsync();
        for (var i = 0; i < 9; i++)
        {
            await engine.IngestAsync("books", $"OK-{i}");
        }

        await DeliverAllAsync(engine);
        await engine.FailedRecordsAsync("books", 1, ErrorClass.Authentication, 401);

        var row = (await engine.Get<FailedRecordsQuery>().PageAsync(books.Id, RecordStatus.Failed, null, 50, CancellationToken.None)).Items.ShouldHaveSingleItem();

        row.Diagnosis.ShouldNotBeNull().ShouldStartWith("1 of the last 10 attempts to Books books (10 %) failed with Authentication.");
        row.Diagnosis.ShouldNotContain("All records fail");
    }

    [Fact]
    public async Task FailedList_EveryNewAttemptFailsWith401_ShowsTheAllRecordsHint_AndAnotherIntegrationIsJudgedOnItsOwn()
    {
        await using var engine = await EngineHarness.StartAsync();
        var books = await engine.CreateIntegrationAsync();
        var shop = await engine.CreateIntegrationAsync("shop");
        await engine.IngestAsync("books", "OK-1");
        await DeliverAllAsync(engine);
        await engine.FailedRecordsAsync("books", 5, ErrorClass.Authentication, 401);
        for (var i = 0; i < 4; i++)
        {
            await engine.IngestAsync("shop", $"OK-{i}");
        }

        await DeliverAllAsync(engine);
        await engine.FailedRecordsAsync("shop", 1, ErrorClass.Authentication, 401);
        var query = engine.Get<FailedRecordsQuery>();

        var booksRows = (await query.PageAsync(books.Id, RecordStatus.Failed, null, 50, CancellationToken.None)).Items;
        var shopRow = (await query.PageAsync(shop.Id, RecordStatus.Failed, null, 50, CancellationToken.None)).Items.ShouldHaveSingleItem();

        booksRows.Count.ShouldBe(5);
        booksRows.ShouldAllBe(r => r.Diagnosis!.StartsWith("5 of the last 6 attempts to Books books (83 %) failed with Authentication, including the newest 5. All records fail with 401"));
        shopRow.Diagnosis.ShouldNotBeNull().ShouldStartWith("1 of the last 5 attempts to Books shop (20 %) failed with Authentication.");
        shopRow.Diagnosis.ShouldNotContain("All records fail");
    }

    private static async Task DeliverAllAsync(EngineHarness engine)
    {
        while ((await engine.Orchestrator.DeliverDueAsync(CancellationToken.None)).Attempted > 0)
        {
        }
    }
}
