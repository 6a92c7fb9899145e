using Microsoft.Extensions.Options;

namespace SyncHub.Core.Dashboard;

/// <summary>
/// Money at risk parses every sampled payload (tens of milliseconds at 50,000 records), so dashboards share one
/// result for <see cref="DashboardOptions.MoneyRefreshSeconds"/>. One caller computes at a time; the others wait for
/// its result rather than start their own.
/// </summary>
public sealed class MoneyAtRiskCache(MoneyAtRiskQuery query, IOptions<DashboardOptions> options, TimeProvider time) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private MoneyAtRisk? _current;
    private DateTimeOffset _readAt;

    public async Task<MoneyAtRisk> LoadAsync(CancellationToken cancellationToken)
    {
        var maxAge = TimeSpan.FromSeconds(options.Value.MoneyRefreshSeconds);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var now = time.GetUtcNow();
            if (_current is null || maxAge <= TimeSpan.Zero || now - _readAt >= maxAge)
            {
                _current = await query.LoadAsync(cancellationToken);
                _readAt = now;
            }

            return _current;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}
