namespace SyncHub.Core.Delivery.Pipeline;

/// <summary>
/// Counts the results the completion writer reports and lets a drain wait until every result handed to it is written,
/// without keeping a task per record: a drain of a million records would otherwise hold a million finished tasks.
/// The first write that failed is kept and rethrown by <see cref="Result"/>.
/// </summary>
internal sealed class CompletionTally
{
    private readonly TaskCompletionSource _written = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _pending;
    private int _attempted;
    private int _delivered;
    private int _failed;
    private int _sealed;
    private Exception? _fault;

    /// <summary>A result was handed to the writer.</summary>
    public void Handed() => Interlocked.Increment(ref _pending);

    /// <summary>The writer applied (true/false) or skipped (null) a handed result.</summary>
    public void Written(bool? delivered)
    {
        Interlocked.Increment(ref _attempted);
        if (delivered is true)
        {
            Interlocked.Increment(ref _delivered);
        }
        else if (delivered is false)
        {
            Interlocked.Increment(ref _failed);
        }

        Settle();
    }

    /// <summary>The write of a handed result failed.</summary>
    public void Failed(Exception exception)
    {
        Interlocked.CompareExchange(ref _fault, exception, null);
        Settle();
    }

    /// <summary>Completes once every result handed so far is written or failed; nothing may be handed after it is called.</summary>
    public Task AllWrittenAsync()
    {
        Volatile.Write(ref _sealed, 1);
        if (Volatile.Read(ref _pending) == 0)
        {
            _written.TrySetResult();
        }

        return _written.Task;
    }

    /// <summary>What was attempted, delivered and failed; throws the first failed write's exception.</summary>
    public BatchResult Result()
    {
        if (_fault is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(_fault);
        }

        return new BatchResult(_attempted, _delivered, _failed);
    }

    private void Settle()
    {
        if (Interlocked.Decrement(ref _pending) == 0 && Volatile.Read(ref _sealed) == 1)
        {
            _written.TrySetResult();
        }
    }
}
