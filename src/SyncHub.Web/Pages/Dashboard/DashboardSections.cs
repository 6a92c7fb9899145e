using SyncHub.Core.Dashboard;
using SyncHub.Core.Queries;

namespace SyncHub.Web.Pages.Dashboard;

/// <summary>The dashboard's boxes, each loaded through <see cref="SectionLoader"/> so that one failing query leaves the others.</summary>
public sealed class DashboardSections(
    IntegrationStatusQuery status, ErrorTrendCache trend, RecentErrorsQuery errors, MoneyAtRiskCache money, SectionLoader sections)
{
    private const int FeedGroups = 20;

    /// <summary>"month" is the 30-day trend; anything else the 24-hour one.</summary>
    public static TrendRange RangeOf(string? range) => range == "month" ? TrendRange.Month : TrendRange.Day;

    public async Task<IntegrationStatusView> StatusAsync(CancellationToken cancellationToken)
    {
        var section = await sections.LoadAsync("integration-status", status.ListAsync, cancellationToken);
        return section.Data is { } list
            ? new IntegrationStatusView(list, section.Now) { AsOf = section.AsOf }
            : IntegrationStatusView.Empty with { Now = section.Now, Unavailable = true };
    }

    public async Task<TrendSectionView> TrendAsync(TrendRange range, CancellationToken cancellationToken) =>
        new(range, await sections.LoadAsync($"error-trend-{range.ToString().ToLowerInvariant()}", async ct => new TrendChart(await trend.LoadAsync(range, ct)), cancellationToken));

    public Task<DashboardSection<IReadOnlyList<RecentErrorGroup>>> ErrorsAsync(CancellationToken cancellationToken) =>
        sections.LoadAsync("recent-errors", ct => errors.ListAsync(FeedGroups, ct), cancellationToken);

    public Task<DashboardSection<MoneyAtRisk>> MoneyAsync(CancellationToken cancellationToken) =>
        sections.LoadAsync("money-at-risk", money.LoadAsync, cancellationToken);
}
