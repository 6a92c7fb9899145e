using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace SyncHub.Core.Dashboard;

/// <summary>
/// The dashboard's error trend, one shared result per range for <see cref="DashboardOptions.SummaryRefreshSeconds"/>:
/// a day's chart reads every log entry of the last 24 hours from the covering index, which at a million entries a day
/// was a third of the dashboard's time.
/// </summary>
public sealed class ErrorTrendCache(ErrorTrendQuery query, IOptions<DashboardOptions> options, TimeProvider time) : IDisposable
{
    private readonly ConcurrentDictionary<TrendRange, SharedResult<ErrorTrend>> _ranges = new();

    public Task<ErrorTrend> LoadAsync(TrendRange range, CancellationToken cancellationToken) =>
        _ranges.GetOrAdd(range, _ => new SharedResult<ErrorTrend>(time))
            .GetAsync(TimeSpan.FromSeconds(options.Value.SummaryRefreshSeconds), ct => query.LoadAsync(range, ct), cancellationToken);

    public void Dispose()
    {
        foreach (var shared in _ranges.Values)
        {
            shared.Dispose();
        }
    }
}
