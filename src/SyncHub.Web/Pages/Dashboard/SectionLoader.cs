using System.Collections.Concurrent;

namespace SyncHub.Web.Pages.Dashboard;

/// <summary>
/// Runs one dashboard box's query; a failure is logged and never fails the page. The box then shows the last good
/// value this process read for it, with its age, or says it is temporarily unavailable when there is none yet.
/// </summary>
public sealed partial class SectionLoader(TimeProvider time, ILogger<SectionLoader> logger)
{
    // One value per box (and variant, such as the trend's range): the dashboard shows the same figures to everyone.
    private readonly ConcurrentDictionary<string, (object Value, DateTimeOffset At)> _lastGood = new(StringComparer.Ordinal);

    public async Task<DashboardSection<T>> LoadAsync<T>(string section, Func<CancellationToken, Task<T>> load, CancellationToken cancellationToken)
        where T : class
    {
        var now = time.GetUtcNow();
        try
        {
            var data = await load(cancellationToken);
            _lastGood[section] = (data, now);
            return new DashboardSection<T>(data, now);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogSectionFailed(logger, exception, section);
            return _lastGood.TryGetValue(section, out var last) && last.Value is T data
                ? new DashboardSection<T>(data, now) { AsOf = last.At }
                : new DashboardSection<T>(null, now);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The dashboard section {Section} could not be loaded")]
    private static partial void LogSectionFailed(ILogger logger, Exception exception, string section);
}
