using Microsoft.Extensions.Logging;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Runs;

/// <summary>
/// Executes a run: reads the source page by page (<see cref="RunPageReader"/>), stages each small batch of records
/// (<see cref="RunStager"/>), delivers it through the engine (<see cref="RunDelivery"/>: same claim, attempts and retry
/// rules as every other delivery), and stops early when the run breaker trips, the run times out, is cancelled, or the
/// source cannot be read. <see cref="RunFinisher"/> writes the end.
/// </summary>
public sealed partial class RunExecutor(
    RunLoader loader,
    RunPageReader reader,
    RunStager stager,
    RunDelivery delivery,
    RunFinisher finisher,
    RunCancellations cancellations,
    TimeProvider time,
    ILogger<RunExecutor> logger)
{
    /// <summary>Records staged and delivered together; the run breaker is checked after each.</summary>
    private const int ChunkSize = 10;

    public async Task<SyncRun> ExecuteAsync(long runId, CancellationToken stopping)
    {
        var context = await loader.LoadAsync(runId, stopping);
        if (context is null)
        {
            return await loader.FindAsync(runId, stopping);
        }

        var remaining = TimeSpan.FromSeconds(context.Integration.Runs.TimeoutSeconds) - (time.GetUtcNow() - context.Run.StartedAt);
        using var timeout = new CancellationTokenSource(remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, stopping);
        RunEnd end;
        try
        {
            end = await ProcessAsync(context, linked.Token, stopping);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !stopping.IsCancellationRequested)
        {
            end = new RunEnd(RunStatus.TimedOut, $"Timed out after {RunDurationText.Describe(TimeSpan.FromSeconds(context.Integration.Runs.TimeoutSeconds))} " +
                $"while {context.InFlight}. Progress so far is kept.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogRunCrashed(ex, runId);
            end = RunEnd.Failed($"The run stopped on an unexpected error ({ex.GetType().Name}) while {context.InFlight}. Progress so far is kept.");
        }

        return await finisher.FinishAsync(context, end, stopping);
    }

    private async Task<RunEnd> ProcessAsync(RunContext context, CancellationToken token, CancellationToken stopping)
    {
        var leftovers = await delivery.CarryOverAsync(context, stopping);
        if (await delivery.DeliverAsync(context, leftovers, stopping) is { } halted)
        {
            return halted;
        }

        string? cursor = null;
        do
        {
            if (cancellations.IsRequested(context.Run.Id))
            {
                return new RunEnd(RunStatus.Cancelled, "Cancelled by an administrator; records already processed keep their results.");
            }

            context.InFlight = $"reading page {context.Page + 1} (records {context.RecordsRead + 1} onwards)";
            var (page, failure) = await reader.ReadAsync(context, cursor, token);
            if (failure is not null)
            {
                return failure;
            }

            context.Page++;
            foreach (var chunk in page!.Records.Chunk(ChunkSize))
            {
                token.ThrowIfCancellationRequested();
                if (cancellations.IsRequested(context.Run.Id))
                {
                    return new RunEnd(RunStatus.Cancelled, "Cancelled by an administrator; records already processed keep their results.");
                }

                context.InFlight = $"delivering page {context.Page} (records {context.RecordsRead + 1}–{context.RecordsRead + chunk.Length})";
                var staged = await stager.StageAsync(context, chunk, stopping);
                if (await delivery.DeliverAsync(context, staged, stopping) is { } end)
                {
                    return end;
                }

                context.RecordsRead += chunk.Length;
            }

            cursor = page.NextCursor;
        }
        while (cursor is not null);

        return RunEnd.Completed;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Run {RunId} stopped on an unexpected error")]
    private partial void LogRunCrashed(Exception exception, long runId);
}
