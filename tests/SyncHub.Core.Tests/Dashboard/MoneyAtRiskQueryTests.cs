using Shouldly;
using SyncHub.Core.Dashboard;
using SyncHub.Data.Entities;
using SyncHub.TestUtils;

namespace SyncHub.Core.Tests.Dashboard;

public sealed class MoneyAtRiskQueryTests
{
    [Fact]
    public async Task Load_UndeliveredFinancialRecords_SumsPerIntegrationAndCurrencyAndSkipsTheRest()
    {
        await using var engine = await EngineHarness.StartAsync();
        await engine.CreateIntegrationAsync("books");
        await engine.CreateIntegrationAsync("shop");
        var created = engine.Time.GetUtcNow();
        var log = new SyncLogWriter(engine);
        var failed = await engine.IngestAsync("books", "A", """{"amount": 100.10, "currency": "EUR"}""");
        await log.SetStatusAsync(failed, RecordStatus.Failed);
        engine.Time.Advance(TimeSpan.FromHours(2));
        await engine.IngestAsync("books", "B", """{"Total": "20.25", "CurrencyCode": "eur"}"""); // pending, string amount
        var dead = await engine.IngestAsync("books", "C", """{"total": 5, "currencyCode": "USD"}""");
        await log.SetStatusAsync(dead, RecordStatus.DeadLetter);
        var delivered = await engine.IngestAsync("books", "D", """{"amount": 1000, "currency": "EUR"}""");
        await log.SetStatusAsync(delivered, RecordStatus.Delivered);
        var dismissed = await engine.IngestAsync("books", "E", """{"amount": 1000, "currency": "EUR"}""");
        await log.SetStatusAsync(dismissed, RecordStatus.Dismissed);
        var archived = await engine.IngestAsync("books", "F", """{"amount": 1000, "currency": "EUR"}""");
        await log.SetStatusAsync(archived, RecordStatus.Failed, archived: true);
        await engine.IngestAsync("books", "G", """{"amount": 1000}"""); // no currency
        await engine.IngestAsync("books", "H", """{"currency": "EUR", "name": "no amount"}""");
        var review = await engine.IngestAsync("shop", "S", """{"Amount": 7.5, "currency": "EUR"}""");
        await log.SetStatusAsync(review, RecordStatus.NeedsReview);

        var money = await engine.Get<MoneyAtRiskQuery>().LoadAsync(CancellationToken.None);

        money.Sampled.ShouldBeFalse();
        money.Rows.Select(r => (r.IntegrationSlug, r.Currency, r.Amount, r.Records)).ShouldBe(
        [
            ("books", "EUR", 120.35m, 2),
            ("books", "USD", 5m, 1),
            ("shop", "EUR", 7.5m, 1),
        ]);
        money.Rows[0].OldestCreatedAt.ShouldBe(created);
    }
}
