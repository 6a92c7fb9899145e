using Microsoft.Extensions.Options;

namespace SyncHub.Core.Dashboard;

/// <summary>
/// Money at risk parses every sampled payload (tens of milliseconds at 50,000 records), so dashboards share one
/// result for <see cref="DashboardOptions.MoneyRefreshSeconds"/>.
/// </summary>
public sealed class MoneyAtRiskCache(MoneyAtRiskQuery query, IOptions<DashboardOptions> options, TimeProvider time) : IDisposable
{
    private readonly SharedResult<MoneyAtRisk> _shared = new(time);

    public Task<MoneyAtRisk> LoadAsync(CancellationToken cancellationToken) =>
        _shared.GetAsync(TimeSpan.FromSeconds(options.Value.MoneyRefreshSeconds), query.LoadAsync, cancellationToken);

    public void Dispose() => _shared.Dispose();
}
