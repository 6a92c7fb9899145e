using Microsoft.AspNetCore.Mvc;
using SyncHub.Core.Dashboard;
using SyncHub.Web.Pages.Dashboard;

namespace SyncHub.Web.Pages;

/// <summary>The dashboard's error trend, recent errors and money-at-risk boxes.</summary>
public sealed partial class IndexModel
{
    private const int FeedGroups = 20;

    /// <summary>The error trend; <paramref name="range"/> is "day" (24 h by hour) or "month" (30 d by day).</summary>
    public async Task<IActionResult> OnGetTrendAsync(string? range, CancellationToken cancellationToken) =>
        Partial("Partials/_ErrorTrend", await LoadTrendAsync(RangeOf(range), cancellationToken));

    private static TrendRange RangeOf(string? range) => range == "month" ? TrendRange.Month : TrendRange.Day;

    public async Task<IActionResult> OnGetErrorsAsync(CancellationToken cancellationToken) =>
        Partial("Partials/_RecentErrors", await LoadErrorsAsync(cancellationToken));

    public async Task<IActionResult> OnGetMoneyAsync(CancellationToken cancellationToken) =>
        Partial("Partials/_MoneyAtRisk", await LoadMoneyAsync(cancellationToken));

    private async Task<TrendSectionView> LoadTrendAsync(TrendRange range, CancellationToken cancellationToken) =>
        new(range, await sections.LoadAsync($"error-trend-{range.ToString().ToLowerInvariant()}", async ct => new TrendChart(await trend.LoadAsync(range, ct)), cancellationToken));

    private Task<DashboardSection<IReadOnlyList<RecentErrorGroup>>> LoadErrorsAsync(CancellationToken cancellationToken) =>
        sections.LoadAsync("recent-errors", ct => errors.ListAsync(FeedGroups, ct), cancellationToken);

    private Task<DashboardSection<MoneyAtRisk>> LoadMoneyAsync(CancellationToken cancellationToken) =>
        sections.LoadAsync("money-at-risk", money.LoadAsync, cancellationToken);
}
