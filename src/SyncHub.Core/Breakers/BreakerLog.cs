using Microsoft.Extensions.Logging;

namespace SyncHub.Core.Breakers;

/// <summary>What the breakers write to the log when they open, re-open, probe and close.</summary>
internal sealed partial class BreakerLog(ILogger logger, int failureThreshold)
{
    public void Transition(string scope, string name, BreakerTransition transition, BreakerSnapshot snapshot, long recordId)
    {
        switch (transition)
        {
            case BreakerTransition.Opened when snapshot.Trips == 1:
                Opened(scope, name, failureThreshold, recordId, snapshot.NextProbeAt!.Value);
                break;
            case BreakerTransition.Opened:
                Reopened(scope, name, recordId, snapshot.Trips, snapshot.NextProbeAt!.Value);
                break;
            case BreakerTransition.Closed:
                Closed(scope, name, recordId);
                break;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Circuit breaker of connector {Connector} opened: {Integrations} of its integrations tripped; its records wait until the probe at {NextProbeAt:O}")]
    public partial void ConnectorOpened(string connector, int integrations, DateTimeOffset nextProbeAt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Circuit breaker half-open: record {RecordId} of {Integration} ({Connector}) goes as the probe")]
    public partial void Probe(string integration, string connector, long recordId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Circuit breaker of {Scope} {Name} opened after {Failures} consecutive unhealthy failures (last: record {RecordId}); records wait until the probe at {NextProbeAt:O}")]
    private partial void Opened(string scope, string name, int failures, long recordId, DateTimeOffset nextProbeAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Circuit breaker of {Scope} {Name} re-opened: probe record {RecordId} failed (trip {Trips}); next probe at {NextProbeAt:O}")]
    private partial void Reopened(string scope, string name, long recordId, int trips, DateTimeOffset nextProbeAt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Circuit breaker of {Scope} {Name} closed: probe record {RecordId} got through")]
    private partial void Closed(string scope, string name, long recordId);
}
