using System.Collections.Concurrent;

namespace SyncHub.Core.Writes;

/// <summary>
/// Group commit: items submitted while a group is being written queue up and are written together by the next
/// group, one transaction for many callers, each caller still awaiting its own result. SQLite has one writer, so
/// a write transaction per item (an attempt's result, an ingested record) made the writer the ceiling; grouping
/// pays the transaction, the gate and the round trips once per group instead of once per item.
/// </summary>
/// <remarks>
/// Nothing waits to fill a group: a lone item is written at once, and groups grow only while the writer is busy.
/// When a group's write throws, each of its items is written again alone, so one bad item fails only its own
/// caller. An item whose write throws is reported to its caller, never dropped silently.
/// </remarks>
internal sealed class GroupCommit<TItem, TResult>(Func<IReadOnlyList<TItem>, Task<IReadOnlyList<TResult>>> writeGroup, int maxGroup)
{
    private readonly ConcurrentQueue<Pending> _queue = new();
    private int _writing;

    /// <summary>Queues the item; the task completes once its group has committed (or faults with the write's exception).</summary>
    public Task<TResult> SubmitAsync(TItem item)
    {
        var pending = new Pending(item, new TaskCompletionSource<TResult>(TaskCreationOptions.RunContinuationsAsynchronously));
        _queue.Enqueue(pending);
        if (Interlocked.CompareExchange(ref _writing, 1, 0) == 0)
        {
            // The writer works for every caller of its groups, so it must not carry this caller's context (its
            // activity, log scopes): the write function sets each item's own where it matters.
            using (ExecutionContext.SuppressFlow())
            {
                _ = Task.Run(WriteQueuedAsync);
            }
        }

        return pending.Result.Task;
    }

    private async Task WriteQueuedAsync()
    {
        do
        {
            while (TakeGroup() is { Count: > 0 } group)
            {
                await WriteAsync(group);
            }

            Volatile.Write(ref _writing, 0);
        }

        // An item queued after the last look but before the flag dropped would otherwise wait for the next submitter.
        while (!_queue.IsEmpty && Interlocked.CompareExchange(ref _writing, 1, 0) == 0);
    }

    private List<Pending> TakeGroup()
    {
        var group = new List<Pending>();
        while (group.Count < maxGroup && _queue.TryDequeue(out var pending))
        {
            group.Add(pending);
        }

        return group;
    }

    private async Task WriteAsync(List<Pending> group)
    {
        try
        {
            var results = await writeGroup([.. group.Select(p => p.Item)]);
            for (var i = 0; i < group.Count; i++)
            {
                group[i].Result.TrySetResult(results[i]);
            }
        }
        catch (Exception) when (group.Count > 1)
        {
            foreach (var pending in group)
            {
                await WriteAsync([pending]);
            }
        }
        catch (Exception ex)
        {
            group[0].Result.TrySetException(ex);
        }
    }

    private sealed record Pending(TItem Item, TaskCompletionSource<TResult> Result);
}
