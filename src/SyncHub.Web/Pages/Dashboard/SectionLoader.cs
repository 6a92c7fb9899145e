namespace SyncHub.Web.Pages.Dashboard;

/// <summary>Runs one dashboard box's query; a failure is logged and becomes an unavailable box, never a failed page.</summary>
public sealed partial class SectionLoader(TimeProvider time, ILogger<SectionLoader> logger)
{
    public async Task<DashboardSection<T>> LoadAsync<T>(string section, Func<CancellationToken, Task<T>> load, CancellationToken cancellationToken)
        where T : class
    {
        var now = time.GetUtcNow();
        try
        {
            return new DashboardSection<T>(await load(cancellationToken), now);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogSectionFailed(logger, exception, section);
            return new DashboardSection<T>(null, now);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The dashboard section {Section} could not be loaded")]
    private static partial void LogSectionFailed(ILogger logger, Exception exception, string section);
}
