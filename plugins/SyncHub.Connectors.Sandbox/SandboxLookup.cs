using Microsoft.Extensions.Logging;

namespace SyncHub.Connectors.Sandbox;

/// <summary>Answers look-ups from the idempotency ledger, unless the setting <c>lookup</c> is <c>false</c>.</summary>
internal sealed partial class SandboxLookup(ConnectorServices services, IdempotencyLedger ledger, ILogger logger)
{
    public async Task<LookupOutcome> LookupAsync(LookupRequest request, CancellationToken cancellationToken)
    {
        if (!SandboxSettings.TryParse(request.Settings, out var settings, out var error))
        {
            return LookupOutcome.Failed(ErrorClass.ConnectorFault, error);
        }

        if (!settings.LookupEnabled)
        {
            return LookupOutcome.NotSupported();
        }

        if (settings.Latency > TimeSpan.Zero)
        {
            await Task.Delay(settings.Latency, services.Time, cancellationToken);
        }

        var externalId = ledger.Find(request.IdempotencyKey);
        LogLookedUp(request.RecordId, request.IntegrationSlug, externalId);
        return externalId is null ? LookupOutcome.NotFound() : LookupOutcome.Found(externalId);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Sandbox looked up record {RecordId} of {Integration}: {ExternalId}")]
    private partial void LogLookedUp(long recordId, string integration, string? externalId);
}
