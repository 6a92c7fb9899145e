using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SyncHub.Core.Breakers;

/// <summary>
/// Connection circuit breakers, one per integration and one per connector, kept in memory (single node). First
/// deliveries, automatic retries, manual retry operations (and sync runs) ask <see cref="Check"/> before sending and
/// <see cref="Report"/> every result, so a dead provider is left alone instead of being hammered.
/// </summary>
public sealed partial class BreakerRegistry
{
    private readonly Lock _lock = new();
    private readonly Dictionary<int, CircuitBreaker> _integrations = [];
    private readonly Dictionary<int, string> _connectorOf = [];
    private readonly Dictionary<string, CircuitBreaker> _connectors = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly BreakerOptions _options;
    private readonly ILogger<BreakerRegistry> _logger;
    private readonly Func<int, TimeSpan> _openDuration;
    private TaskCompletionSource _changed = NewSignal();

    public BreakerRegistry(TimeProvider time, IOptions<BreakerOptions> options, ILogger<BreakerRegistry> logger)
    {
        _time = time;
        _options = options.Value;
        _logger = logger;
        _openDuration = _options.OpenDurationFor;
    }

    /// <summary>True when no breaker is tripped: the engine then skips every breaker step.</summary>
    public bool AllClosed
    {
        get
        {
            var now = _time.GetUtcNow();
            lock (_lock)
            {
                return !_options.Enabled
                    || (_integrations.Values.All(b => b.StateAt(now) == BreakerState.Closed) && _connectors.Values.All(b => b.StateAt(now) == BreakerState.Closed));
            }
        }
    }

    /// <summary>Completes at the next state change (a trip, a close, a probe slot freed); open times ending are not changes.</summary>
    public Task WhenChanged
    {
        get
        {
            lock (_lock)
            {
                return _changed.Task;
            }
        }
    }

    /// <summary>What may be sent for the integration right now.</summary>
    public BreakerAdmission Check(BreakerTarget target)
    {
        lock (_lock)
        {
            return CheckLocked(target, _time.GetUtcNow());
        }
    }

    /// <summary>Records of the integration must wait (a breaker is open, or half-open with its probe out).</summary>
    public bool IsOpen(BreakerTarget target) => Check(target) == BreakerAdmission.Blocked;

    /// <summary>Records of the integration may be sent freely (both breakers closed).</summary>
    public bool CanSend(BreakerTarget target) => Check(target) == BreakerAdmission.Allowed;

    /// <summary>The integration's and its connector's breakers, as they are now.</summary>
    public IntegrationBreakers Describe(BreakerTarget target)
    {
        var now = _time.GetUtcNow();
        lock (_lock)
        {
            return new IntegrationBreakers(
                _integrations.GetValueOrDefault(target.IntegrationId)?.Snapshot(now) ?? BreakerSnapshot.Closed,
                _connectors.GetValueOrDefault(target.Connector)?.Snapshot(now) ?? BreakerSnapshot.Closed);
        }
    }

    /// <summary>When a blocked integration's open breakers let a probe through; null when it waits for a probe already out.</summary>
    public DateTimeOffset? BlockedUntil(BreakerTarget target)
    {
        var now = _time.GetUtcNow();
        lock (_lock)
        {
            DateTimeOffset? until = null;
            foreach (var breaker in BreakersOf(target))
            {
                if (breaker.StateAt(now) == BreakerState.Open && breaker.Snapshot(now).NextProbeAt is { } next && (until is null || next > until))
                {
                    until = next;
                }
            }

            return until;
        }
    }

    /// <summary>Applies one delivery result to the integration's breaker and its connector's.</summary>
    public void Report(BreakerTarget target, long recordId, BreakerVerdict verdict)
    {
        if (!_options.Enabled)
        {
            return;
        }

        var now = _time.GetUtcNow();
        lock (_lock)
        {
            _connectorOf[target.IntegrationId] = target.Connector;
            var integration = GetOrAdd(_integrations, target.IntegrationId);
            var connector = GetOrAdd(_connectors, target.Connector);
            var integrationChange = integration.Record(now, recordId, verdict, _options.FailureThreshold, _openDuration);
            var connectorChange = connector.Record(now, recordId, verdict, null, _openDuration);
            LogTransition("integration", target.Slug, integrationChange, integration.Snapshot(now), recordId);
            LogTransition("connector", target.Connector, connectorChange, connector.Snapshot(now), recordId);
            if (integrationChange == BreakerTransition.Opened && connector.StateAt(now) == BreakerState.Closed)
            {
                connectorChange = TripConnectorIfWidespread(target.Connector, connector, now);
            }

            if (integrationChange != BreakerTransition.None || connectorChange != BreakerTransition.None)
            {
                Signal();
            }
        }
    }

    private BreakerTransition TripConnectorIfWidespread(string connectorName, CircuitBreaker connector, DateTimeOffset now)
    {
        var tripped = _integrations.Count(pair =>
            _connectorOf.GetValueOrDefault(pair.Key) == connectorName
            && pair.Value.StateAt(now) != BreakerState.Closed
            && pair.Value.LastTripAt > connector.LastClosedAt);
        if (tripped < _options.ConnectorTrippedIntegrations)
        {
            return BreakerTransition.None;
        }

        connector.Trip(now, _openDuration);
        LogConnectorOpened(connectorName, tripped, connector.Snapshot(now).NextProbeAt!.Value);
        return BreakerTransition.Opened;
    }

    private BreakerAdmission CheckLocked(BreakerTarget target, DateTimeOffset now)
    {
        if (!_options.Enabled)
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

    private IEnumerable<CircuitBreaker> BreakersOf(BreakerTarget target)
    {
        if (_integrations.TryGetValue(target.IntegrationId, out var integration))
        {
            yield return integration;
        }

        if (_connectors.TryGetValue(target.Connector, out var connector))
        {
            yield return connector;
        }
    }

    private void Signal()
    {
        var previous = _changed;
        _changed = NewSignal();
        previous.TrySetResult();
    }

    private static CircuitBreaker GetOrAdd<TKey>(Dictionary<TKey, CircuitBreaker> breakers, TKey key)
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
