namespace SyncHub.Core.Breakers;

public sealed partial class BreakerRegistry
{
    /// <summary>Reserves the half-open breakers' probe slots for one record of the integration; false if not <see cref="BreakerAdmission.ProbeOnly"/>.</summary>
    public bool TryBeginProbe(BreakerTarget target)
    {
        var now = _time.GetUtcNow();
        lock (_lock)
        {
            if (CheckLocked(target, now) != BreakerAdmission.ProbeOnly)
            {
                return false;
            }

            foreach (var breaker in BreakersOf(target).Where(b => b.StateAt(now) == BreakerState.HalfOpen))
            {
                breaker.ReserveProbe();
            }

            return true;
        }
    }

    /// <summary>Names the record a reservation from <see cref="TryBeginProbe"/> went to.</summary>
    public void AssignProbe(BreakerTarget target, long recordId)
    {
        lock (_lock)
        {
            foreach (var breaker in BreakersOf(target))
            {
                breaker.AssignProbe(recordId);
            }
        }

        LogProbe(target.Slug, target.Connector, recordId);
    }

    /// <summary>Gives back a reservation that found no record to send.</summary>
    public void CancelProbe(BreakerTarget target) => ReleaseProbe(target, null);

    /// <summary>Frees the probe slots the record holds (its attempt ended without a verdict, or never ran).</summary>
    public void ReleaseProbe(BreakerTarget target, long? recordId)
    {
        lock (_lock)
        {
            var released = false;
            foreach (var breaker in BreakersOf(target))
            {
                released |= breaker.ReleaseProbe(recordId);
            }

            if (released)
            {
                Signal();
            }
        }
    }

    /// <summary>Whether a claimed record may still go: its breakers are closed, or it is their probe.</summary>
    public bool MaySend(BreakerTarget target, long recordId)
    {
        if (!_options.Enabled)
        {
            return true;
        }

        var now = _time.GetUtcNow();
        lock (_lock)
        {
            return BreakersOf(target).All(b => b.StateAt(now) switch
            {
                BreakerState.Closed => true,
                BreakerState.HalfOpen => b.IsProbe(recordId),
                _ => false,
            });
        }
    }
}
