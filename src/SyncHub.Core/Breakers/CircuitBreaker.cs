namespace SyncHub.Core.Breakers;

/// <summary>
/// One breaker's state machine. Half-open is not stored: an open breaker whose open time has passed is half-open,
/// so no timer is needed. Not thread-safe; <see cref="BreakerRegistry"/> serialises access.
/// </summary>
internal sealed class CircuitBreaker
{
    // The probe slot is reserved before the claim knows which record it gets.
    private const long Reserved = -1;

    private bool _tripped;
    private DateTimeOffset _openUntil;
    private int _failures;
    private int _trips;
    private long? _probe;
    private DateTimeOffset _openSince;

    public DateTimeOffset LastTripAt { get; private set; }

    public DateTimeOffset LastClosedAt { get; private set; }

    public BreakerState StateAt(DateTimeOffset now) =>
        !_tripped ? BreakerState.Closed : now >= _openUntil ? BreakerState.HalfOpen : BreakerState.Open;

    public BreakerSnapshot Snapshot(DateTimeOffset now) =>
        new(StateAt(now), _tripped ? _openUntil : null, _failures, _trips, _tripped ? _openSince : null);

    public bool ProbeFree(DateTimeOffset now) => StateAt(now) == BreakerState.HalfOpen && _probe is null;

    public bool IsProbe(long recordId) => _probe == recordId;

    public void ReserveProbe() => _probe = Reserved;

    public void AssignProbe(long recordId)
    {
        if (_probe == Reserved)
        {
            _probe = recordId;
        }
    }

    /// <summary>Frees the probe slot held by the record (or a reservation that got no record).</summary>
    public bool ReleaseProbe(long? recordId)
    {
        if (_probe is null || _probe != (recordId ?? Reserved))
        {
            return false;
        }

        _probe = null;
        return true;
    }

    /// <summary>Applies one result. <paramref name="threshold"/> is null for a breaker that only trips from outside.</summary>
    public BreakerTransition Record(DateTimeOffset now, long recordId, BreakerVerdict verdict, int? threshold, Func<int, TimeSpan> openDuration)
    {
        var state = StateAt(now);
        var isProbe = state == BreakerState.HalfOpen && IsProbe(recordId);
        switch (verdict)
        {
            case BreakerVerdict.Healthy when state == BreakerState.Closed:
                _failures = 0;
                return BreakerTransition.None;
            case BreakerVerdict.Healthy or BreakerVerdict.Answered when isProbe:
                Close(now);
                return BreakerTransition.Closed;
            case BreakerVerdict.Unhealthy when state == BreakerState.Closed:
                _failures++;
                if (threshold is { } limit && _failures >= limit)
                {
                    Trip(now, openDuration);
                    return BreakerTransition.Opened;
                }

                return BreakerTransition.None;
            case BreakerVerdict.Unhealthy when isProbe:
                Trip(now, openDuration);
                return BreakerTransition.Opened;
            case BreakerVerdict.NoVerdict when isProbe:
                _probe = null;
                return BreakerTransition.ProbeReleased;
            default:
                // Results of records sent before the breaker opened change nothing while it is open.
                return BreakerTransition.None;
        }
    }

    public void Trip(DateTimeOffset now, Func<int, TimeSpan> openDuration)
    {
        if (!_tripped)
        {
            _openSince = now;
        }

        _trips++;
        _tripped = true;
        _openUntil = now + openDuration(_trips);
        _failures = 0;
        _probe = null;
        LastTripAt = now;
    }

    private void Close(DateTimeOffset now)
    {
        _tripped = false;
        _trips = 0;
        _failures = 0;
        _probe = null;
        LastClosedAt = now;
    }
}
