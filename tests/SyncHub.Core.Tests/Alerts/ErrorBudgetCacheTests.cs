using Shouldly;
using SyncHub.Connectors;
using SyncHub.Core.Budgets;
using SyncHub.TestUtils;

namespace SyncHub.Core.Tests.Alerts;

/// <summary>The burn shown on the dashboard: counts shared for a few seconds, the budget always the one saved now.</summary>
public sealed class ErrorBudgetCacheTests
{
    [Fact]
    public async Task ForAsync_WithinTheRefresh_SharesTheCountsButShowsAnEditedBudgetAtOnce()
    {
        await using var harness = await EngineHarness.StartAsync(settings: new Dictionary<string, string?> { ["SyncHub:Dashboard:SummaryRefreshSeconds"] = "5" });
        var books = await harness.CreateIntegrationAsync("books");
        await harness.AddAttemptsAsync(books, 99);
        await harness.AddAttemptsAsync(books, 1, ErrorClass.Transient, 503);
        var cache = harness.Get<ErrorBudgetCache>();
        (await cache.ForAsync(books, CancellationToken.None)).Failed.ShouldBe(1);

        await harness.AddAttemptsAsync(books, 2, ErrorClass.Transient, 503);
        books.ErrorBudgetPercent = 2;
        var shared = await cache.ForAsync(books, CancellationToken.None);
        // Past twice the refresh, so counted while the caller waits rather than refreshed behind a shared answer.
        harness.Time.Advance(TimeSpan.FromSeconds(10));
        var fresh = await cache.ForAsync(books, CancellationToken.None);

        (shared.Attempts, shared.Failed, shared.BudgetPercent).ShouldBe((100, 1, 2d));
        (fresh.Attempts, fresh.Failed).ShouldBe((102, 3));
        (await harness.Get<ErrorBudgetQuery>().ForAsync(books, CancellationToken.None)).Failed.ShouldBe(3, "alert rules count afresh");
    }
}
