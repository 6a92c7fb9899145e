namespace SyncHub.Core.Breakers;

/// <summary>
/// The breakers of every integration and connector, behind one lock, shared by the registry (checks and results)
/// and its probes. Callers hold <see cref="Lock"/> while they read or change a breaker.
/// </summary>
internal sealed class BreakerBook(BreakerOptions options)
{
    private TaskCompletionSource _changed = NewSignal();

    public Lock Lock { get; } = new();

    public BreakerOptions Options { get; } = options;

    public Dictionary<int, CircuitBreaker> Integrations { get; } = [];

    public Dictionary<int, string> ConnectorOf { get; } = [];

    public Dictionary<string, CircuitBreaker> Connectors { get; } = new(StringComparer.Ordinal);

    /// <summary>Completes at the next state change; read under the lock.</summary>
    public Task Changed => _changed.Task;

    /// <summary>What may be sent for the integration at <paramref name="now"/>; call under the lock.</summary>
    public BreakerAdmission Admission(BreakerTarget target, DateTimeOffset now)
    {
        if (!Options.Enabled)
        {
            return BreakerAdmission.Allowed;
        }

        var states = BreakersOf(target).Select(b => (Breaker: b, State: b.StateAt(now))).ToList();
        if (states.Any(s => s.State == BreakerState.Open))
        {
            return BreakerAdmission.Blocked;
        }

        var halfOpen = states.Where(s => s.State == BreakerState.HalfOpen).ToList();
        return halfOpen.Count == 0 ? BreakerAdmission.Allowed
            : halfOpen.All(s => s.Breaker.ProbeFree(now)) ? BreakerAdmission.ProbeOnly
            : BreakerAdmission.Blocked;
    }

    /// <summary>The integration's breaker and its connector's, those that exist.</summary>
    public IEnumerable<CircuitBreaker> BreakersOf(BreakerTarget target)
    {
        if (Integrations.TryGetValue(target.IntegrationId, out var integration))
        {
            yield return integration;
        }

        if (Connectors.TryGetValue(target.Connector, out var connector))
        {
            yield return connector;
        }
    }

    /// <summary>Wakes everyone waiting on <see cref="Changed"/>; call under the lock.</summary>
    public void Signal()
    {
        var previous = _changed;
        _changed = NewSignal();
        previous.TrySetResult();
    }

    public static CircuitBreaker GetOrAdd<TKey>(Dictionary<TKey, CircuitBreaker> breakers, TKey key)
        where TKey : notnull
    {
        if (!breakers.TryGetValue(key, out var breaker))
        {
            breaker = new CircuitBreaker();
            breakers[key] = breaker;
        }

        return breaker;
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
