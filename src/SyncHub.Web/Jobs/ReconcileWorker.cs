using SyncHub.Core.Reconciliation;

namespace SyncHub.Web.Jobs;

/// <summary>
/// Runs reconciliations' comparisons and resyncs in the background, two at a time (one per integration at most), after
/// ending the comparisons and resuming the resyncs a stopped process left running.
/// </summary>
internal sealed partial class ReconcileWorker(ReconcileQueue queue, ReconcileWorkRunner runner, ReconcileRecovery recovery, ILogger<ReconcileWorker> logger)
    : BackgroundService
{
    private const int Workers = 2;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var recovered = await recovery.RecoverAsync(stoppingToken);
        if (recovered > 0)
        {
            LogRecovered(recovered);
        }

        await Task.WhenAll(Enumerable.Range(0, Workers).Select(_ => ConsumeAsync(stoppingToken)));
    }

    private async Task ConsumeAsync(CancellationToken stoppingToken)
    {
        await foreach (var work in queue.ReadAllAsync(stoppingToken))
        {
            try
            {
                await runner.RunAsync(work, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The reconciliation stays running until the next start, when recovery ends or resumes it.
                LogFailed(ex, work.RunId, work.Resync);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Ended or resumed {Count} reconciliations a stopped process left running")]
    private partial void LogRecovered(int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Reconciliation {RunId} (resync: {Resync}) stopped with an error")]
    private partial void LogFailed(Exception exception, long runId, bool resync);
}
