using Microsoft.Extensions.Logging;

namespace SyncHub.Core.Breakers;

public sealed partial class BreakerRegistry
{
    private void LogTransition(string scope, string name, BreakerTransition transition, BreakerSnapshot snapshot, long recordId)
    {
        switch (transition)
        {
            case BreakerTransition.Opened when snapshot.Trips == 1:
                LogOpened(scope, name, _options.FailureThreshold, recordId, snapshot.NextProbeAt!.Value);
                break;
            case BreakerTransition.Opened:
                LogReopened(scope, name, recordId, snapshot.Trips, snapshot.NextProbeAt!.Value);
                break;
            case BreakerTransition.Closed:
                LogClosed(scope, name, recordId);
                break;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Circuit breaker of {Scope} {Name} opened after {Failures} consecutive unhealthy failures (last: record {RecordId}); records wait until the probe at {NextProbeAt:O}")]
    private partial void LogOpened(string scope, string name, int failures, long recordId, DateTimeOffset nextProbeAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Circuit breaker of {Scope} {Name} re-opened: probe record {RecordId} failed (trip {Trips}); next probe at {NextProbeAt:O}")]
    private partial void LogReopened(string scope, string name, long recordId, int trips, DateTimeOffset nextProbeAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Circuit breaker of connector {Connector} opened: {Integrations} of its integrations tripped; its records wait until the probe at {NextProbeAt:O}")]
    private partial void LogConnectorOpened(string connector, int integrations, DateTimeOffset nextProbeAt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Circuit breaker half-open: record {RecordId} of {Integration} ({Connector}) goes as the probe")]
    private partial void LogProbe(string integration, string connector, long recordId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Circuit breaker of {Scope} {Name} closed: probe record {RecordId} got through")]
    private partial void LogClosed(string scope, string name, long recordId);
}
