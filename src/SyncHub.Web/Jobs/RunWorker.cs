using SyncHub.Core.Runs;

namespace SyncHub.Web.Jobs;

/// <summary>Executes started runs in the background, two at a time (runs of one integration never overlap).</summary>
internal sealed partial class RunWorker(IRunQueue queue, RunExecutor executor, ILogger<RunWorker> logger) : BackgroundService
{
    private const int Workers = 2;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Workers).Select(_ => ConsumeAsync(stoppingToken)));

    private async Task ConsumeAsync(CancellationToken stoppingToken)
    {
        await foreach (var runId in queue.ReadAllAsync(stoppingToken))
        {
            try
            {
                await executor.ExecuteAsync(runId, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The run stays 'running' until the next start, when recovery ends it and plans its retry.
                LogFailed(ex, runId);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Run {RunId} stopped with an error")]
    private partial void LogFailed(Exception exception, long runId);
}
