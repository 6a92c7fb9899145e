using SyncHub.Core.Operations;

namespace SyncHub.Web.Jobs;

/// <summary>
/// Runs retry operations one after another in the background, resuming any a stopped process left running (on a
/// shared store, this node's own and those of dead nodes; <see cref="NodeHeartbeatWorker"/> takes over later ones).
/// </summary>
internal sealed partial class OperationWorker(IOperationQueue queue, RetryOperationService operations, ILogger<OperationWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        foreach (var unfinished in await operations.TakeOverUnfinishedAsync(stoppingToken))
        {
            LogResuming(unfinished);
            await queue.EnqueueAsync(unfinished, stoppingToken);
        }

        await foreach (var operationId in queue.ReadAllAsync(stoppingToken))
        {
            try
            {
                var result = await operations.RunAsync(operationId, stoppingToken);
                LogFinished(operationId, result.Status, result.Succeeded, result.Failed);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The operation stays 'running' with its records still queued; the next start resumes it.
                LogFailed(ex, operationId);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Resuming retry operation {OperationId}")]
    private partial void LogResuming(Guid operationId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Retry operation {OperationId} ended {Status}: {Succeeded} delivered, {Failed} failed")]
    private partial void LogFinished(Guid operationId, SyncHub.Data.Entities.OperationStatus status, int succeeded, int failed);

    [LoggerMessage(Level = LogLevel.Error, Message = "Retry operation {OperationId} stopped with an error")]
    private partial void LogFailed(Exception exception, Guid operationId);
}
