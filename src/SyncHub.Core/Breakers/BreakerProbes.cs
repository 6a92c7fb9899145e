namespace SyncHub.Core.Breakers;

/// <summary>
/// The half-open breakers' probe slots: one record at a time is let through to test a provider that failed, and
/// only that record may go until its result closes or re-opens the breakers.
/// </summary>
public sealed class BreakerProbes
{
    private readonly BreakerBook _book;
    private readonly TimeProvider _time;
    private readonly BreakerLog _log;

    internal BreakerProbes(BreakerBook book, TimeProvider time, BreakerLog log)
    {
        _book = book;
        _time = time;
        _log = log;
    }

    /// <summary>Reserves the half-open breakers' probe slots for one record of the integration; false if not <see cref="BreakerAdmission.ProbeOnly"/>.</summary>
    public bool TryBegin(BreakerTarget target)
    {
        var now = _time.GetUtcNow();
        lock (_book.Lock)
        {
            if (_book.Admission(target, now) != BreakerAdmission.ProbeOnly)
            {
                return false;
            }

            foreach (var breaker in _book.BreakersOf(target).Where(b => b.StateAt(now) == BreakerState.HalfOpen))
            {
                breaker.ReserveProbe();
            }

            return true;
        }
    }

    /// <summary>Names the record a reservation from <see cref="TryBegin"/> went to.</summary>
    public void Assign(BreakerTarget target, long recordId)
    {
        lock (_book.Lock)
        {
            foreach (var breaker in _book.BreakersOf(target))
            {
                breaker.AssignProbe(recordId);
            }
        }

        _log.Probe(target.Slug, target.Connector, recordId);
    }

    /// <summary>Gives back a reservation that found no record to send.</summary>
    public void Cancel(BreakerTarget target) => Release(target, null);

    /// <summary>Frees the probe slots the record holds (its attempt ended without a verdict, or never ran).</summary>
    public void Release(BreakerTarget target, long? recordId)
    {
        lock (_book.Lock)
        {
            var released = false;
            foreach (var breaker in _book.BreakersOf(target))
            {
                released |= breaker.ReleaseProbe(recordId);
            }

            if (released)
            {
                _book.Signal();
            }
        }
    }

    /// <summary>Whether a claimed record may still go: its breakers are closed, or it is their probe.</summary>
    public bool MaySend(BreakerTarget target, long recordId)
    {
        if (!_book.Options.Enabled)
        {
            return true;
        }

        var now = _time.GetUtcNow();
        lock (_book.Lock)
        {
            return _book.BreakersOf(target).All(b => b.StateAt(now) switch
            {
                BreakerState.Closed => true,
                BreakerState.HalfOpen => b.IsProbe(recordId),
                _ => false,
            });
        }
    }
}
