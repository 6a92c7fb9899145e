using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Reconciliation;

/// <summary>
/// Runs one comparison to its end: completed (with its differences; the note names any bound it reached), failed (the
/// source or the destination could not be read), timed out after <see cref="ReconcileOptions.TimeoutMinutes"/> or
/// cancelled. Only a completed comparison records differences, so a partial one never passes for the whole range.
/// </summary>
internal sealed partial class ReconcileExecutor
{
    private readonly ReconcileRunStore _store;
    private readonly ReconcileComparer _comparer;
    private readonly ReconcileQueue _queue;
    private readonly TimeProvider _time;
    private readonly ReconcileOptions _options;
    private readonly ILogger<ReconcileExecutor> _logger;

    public ReconcileExecutor(
        ReconcileRunStore store, ReconcileComparer comparer, ReconcileQueue queue, TimeProvider time, IOptions<ReconcileOptions> options, ILogger<ReconcileExecutor> logger)
    {
        _store = store;
        _comparer = comparer;
        _queue = queue;
        _time = time;
        _options = options.Value;
        _logger = logger;
    }

    public async Task ExecuteAsync(long runId, CancellationToken stopping)
    {
        if (await _store.LoadAsync(runId, stopping) is not var (run, access))
        {
            return;
        }

        var context = new ReconcileContext(run, access, () => _queue.IsCancelRequested(runId));
        if (!access.CanReconcile)
        {
            await _store.FinishAsync(context, null, ReconcileStatus.Failed, access.Problem, stopping);
            return;
        }

        var limit = TimeSpan.FromMinutes(_options.TimeoutMinutes);
        using var timeout = new CancellationTokenSource(limit, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, stopping);
        var (status, comparison, note) = await CompareAsync(context, linked.Token, timeout, stopping);
        _queue.Forget(runId);
        await _store.FinishAsync(context, comparison, status, note, stopping);
        LogFinished(runId, access.Integration.Slug, status, comparison?.Rows.Count ?? 0);
    }

    private async Task<(ReconcileStatus, Comparison?, string?)> CompareAsync(
        ReconcileContext context, CancellationToken token, CancellationTokenSource timeout, CancellationToken stopping)
    {
        try
        {
            var comparison = await _comparer.CompareAsync(context, token);
            return comparison.Failure is { } failure
                ? (ReconcileStatus.Failed, null, failure)
                : (ReconcileStatus.Completed, comparison, Bounds(context));
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !stopping.IsCancellationRequested)
        {
            return (ReconcileStatus.TimedOut, null,
                $"Timed out after {_options.TimeoutMinutes:0.#} min while {context.Phase}; nothing was recorded. Reconcile a shorter range.");
        }
        catch (OperationCanceledException) when (_queue.IsCancelRequested(context.Run.Id) && !stopping.IsCancellationRequested)
        {
            return (ReconcileStatus.Cancelled, null, $"Cancelled while {context.Phase}; nothing was recorded.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogCrashed(ex, context.Run.Id);
            return (ReconcileStatus.Failed, null, $"The comparison stopped on an unexpected error ({ex.GetType().Name}) while {context.Phase}.");
        }
    }

    private string? Bounds(ReconcileContext context)
    {
        if (!context.Truncated)
        {
            return null;
        }

        return $"Only part of the range was compared: it holds more than {_options.MaxRecords:N0} records, or the destination listed more than "
            + $"{_options.MaxDestinationRecords:N0} (records it did not reach were looked up one by one). Reconcile shorter ranges to cover all of it.";
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reconciliation {RunId} of {Integration} ended {Status} with {Differences} differences")]
    private partial void LogFinished(long runId, string integration, ReconcileStatus status, int differences);

    [LoggerMessage(Level = LogLevel.Error, Message = "Reconciliation {RunId} stopped on an unexpected error")]
    private partial void LogCrashed(Exception exception, long runId);
}
