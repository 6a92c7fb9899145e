using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SyncHub.Core.Breakers;

/// <summary>
/// Connection circuit breakers, one per integration and one per connector, kept in memory (single node). First
/// deliveries, automatic retries, manual retry operations (and sync runs) ask <see cref="Check"/> before sending and
/// <see cref="Report"/> every result, so a dead provider is left alone instead of being hammered. A half-open
/// breaker's single probe is handed out by <see cref="Probes"/>.
/// </summary>
public sealed class BreakerRegistry
{
    private readonly BreakerBook _book;
    private readonly TimeProvider _time;
    private readonly BreakerOptions _options;
    private readonly BreakerLog _log;
    private readonly Func<int, TimeSpan> _openDuration;

    public BreakerRegistry(TimeProvider time, IOptions<BreakerOptions> options, ILogger<BreakerRegistry> logger)
    {
        _time = time;
        _options = options.Value;
        _book = new BreakerBook(_options);
        _log = new BreakerLog(logger, _options.FailureThreshold);
        _openDuration = _options.OpenDurationFor;
        Probes = new BreakerProbes(_book, time, _log);
    }

    /// <summary>The half-open breakers' probe slots.</summary>
    public BreakerProbes Probes { get; }

    /// <summary>True when no breaker is tripped: the engine then skips every breaker step.</summary>
    public bool AllClosed
    {
        get
        {
            var now = _time.GetUtcNow();
            lock (_book.Lock)
            {
                return !_options.Enabled
                    || (_book.Integrations.Values.All(b => b.StateAt(now) == BreakerState.Closed)
                        && _book.Connectors.Values.All(b => b.StateAt(now) == BreakerState.Closed));
            }
        }
    }

    /// <summary>Completes at the next state change (a trip, a close, a probe slot freed); open times ending are not changes.</summary>
    public Task WhenChanged
    {
        get
        {
            lock (_book.Lock)
            {
                return _book.Changed;
            }
        }
    }

    /// <summary>What may be sent for the integration right now.</summary>
    public BreakerAdmission Check(BreakerTarget target)
    {
        lock (_book.Lock)
        {
            return _book.Admission(target, _time.GetUtcNow());
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
        lock (_book.Lock)
        {
            return new IntegrationBreakers(
                _book.Integrations.GetValueOrDefault(target.IntegrationId)?.Snapshot(now) ?? BreakerSnapshot.Closed,
                _book.Connectors.GetValueOrDefault(target.Connector)?.Snapshot(now) ?? BreakerSnapshot.Closed);
        }
    }

    /// <summary>When a blocked integration's open breakers let a probe through; null when it waits for a probe already out.</summary>
    public DateTimeOffset? BlockedUntil(BreakerTarget target)
    {
        var now = _time.GetUtcNow();
        lock (_book.Lock)
        {
            DateTimeOffset? until = null;
            foreach (var breaker in _book.BreakersOf(target))
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
        lock (_book.Lock)
        {
            _book.ConnectorOf[target.IntegrationId] = target.Connector;
            var integration = BreakerBook.GetOrAdd(_book.Integrations, target.IntegrationId);
            var connector = BreakerBook.GetOrAdd(_book.Connectors, target.Connector);
            var integrationChange = integration.Record(now, recordId, verdict, _options.FailureThreshold, _openDuration);
            var connectorChange = connector.Record(now, recordId, verdict, null, _openDuration);
            _log.Transition("integration", target.Slug, integrationChange, integration.Snapshot(now), recordId);
            _log.Transition("connector", target.Connector, connectorChange, connector.Snapshot(now), recordId);
            if (integrationChange == BreakerTransition.Opened && connector.StateAt(now) == BreakerState.Closed)
            {
                connectorChange = TripConnectorIfWidespread(target.Connector, connector, now);
            }

            if (integrationChange != BreakerTransition.None || connectorChange != BreakerTransition.None)
            {
                _book.Signal();
            }
        }
    }

    private BreakerTransition TripConnectorIfWidespread(string connectorName, CircuitBreaker connector, DateTimeOffset now)
    {
        var tripped = _book.Integrations.Count(pair =>
            _book.ConnectorOf.GetValueOrDefault(pair.Key) == connectorName
            && pair.Value.StateAt(now) != BreakerState.Closed
            && pair.Value.LastTripAt > connector.LastClosedAt);
        if (tripped < _options.ConnectorTrippedIntegrations)
        {
            return BreakerTransition.None;
        }

        connector.Trip(now, _openDuration);
        _log.ConnectorOpened(connectorName, tripped, connector.Snapshot(now).NextProbeAt!.Value);
        return BreakerTransition.Opened;
    }
}
