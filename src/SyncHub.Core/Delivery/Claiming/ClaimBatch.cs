namespace SyncHub.Core.Delivery.Claiming;

/// <summary>
/// One claim's token while any of its records is still out. The token stays in <see cref="ActiveClaims"/> until every
/// record of the batch has its result written (or its write has failed), so the stale-claim sweeper never takes a record
/// a worker still holds; then it is dropped.
/// </summary>
internal sealed class ClaimBatch
{
    private readonly ActiveClaims _active;
    private int _outstanding;

    public ClaimBatch(ActiveClaims active)
    {
        _active = active;
        Token = Guid.NewGuid();
        _active.Add(Token);
    }

    public Guid Token { get; }

    /// <summary>The batch holds this many records (called once, when the claim has committed).</summary>
    public void Holds(int count)
    {
        if (Interlocked.Add(ref _outstanding, count) <= 0)
        {
            _active.Remove(Token);
        }
    }

    /// <summary>One record of the batch is done with: written, handed back, or given up after a failed write.</summary>
    public void Done()
    {
        if (Interlocked.Decrement(ref _outstanding) == 0)
        {
            _active.Remove(Token);
        }
    }
}
