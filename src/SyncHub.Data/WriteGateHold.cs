namespace SyncHub.Data;

/// <summary>One turn at the <see cref="WriteGate"/>: waiting, then held, then returned (once) when disposed.</summary>
internal sealed class WriteGateHold(WriteGate gate, bool lent) : IDisposable
{
    private const int Waiting = 0;
    private const int Held = 1;
    private const int Returned = 2;

    private int _state;

    public bool IsTaken => Volatile.Read(ref _state) != Returned;

    public bool IsHeld => Volatile.Read(ref _state) == Held;

    public void Acquired()
    {
        gate.Acquired(lent);
        Volatile.Write(ref _state, Held);
    }

    /// <summary>The wait was cancelled: there is nothing to give back.</summary>
    public void Abandon() => Volatile.Write(ref _state, Returned);

    public void Dispose()
    {
        if (Interlocked.CompareExchange(ref _state, Returned, Held) == Held)
        {
            gate.Returned(lent);
        }
    }
}
