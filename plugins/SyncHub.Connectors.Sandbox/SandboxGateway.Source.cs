using Microsoft.Extensions.Logging;
using SyncHub.Connectors;

namespace SyncHub.Connectors.Sandbox;

/// <summary>The sandbox as a source: a deterministic stream of records that appear as time passes.</summary>
public sealed partial class SandboxGateway : IConnectorSource, ICredentialRefresh
{
    private readonly SourceScript _sourceScript = new();

    /// <inheritdoc />
    public Task<SourcePage> ReadAsync(SourceQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (!SandboxSourceSettings.TryParse(query.Settings, out var settings, out var error))
        {
            return Task.FromResult(SourcePage.Failed(ErrorClass.ConnectorFault, error));
        }

        var fault = _sourceScript.Next(query.IntegrationSlug, settings.Faults, settings.FaultsText);
        if (fault is not null && !SandboxFaults.IsDelivery(fault))
        {
            var outcome = SandboxFaults.ToOutcome(fault, TimeSpan.FromSeconds(query.Settings.GetDouble("retryAfterSeconds", 30)));
            return Task.FromResult(SourcePage.Failed(outcome.ErrorClass, outcome.Message!, outcome.HttpStatus, outcome.RetryAfter));
        }

        var page = SandboxSource.Read(settings, query, _services.Time.GetUtcNow());
        return Task.FromResult(page);
    }

    /// <inheritdoc />
    public Task<bool> RefreshCredentialsAsync(string integrationSlug, ConnectorSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var refreshable = !string.Equals(settings.GetString("refresh"), "fail", StringComparison.OrdinalIgnoreCase);
        LogRefresh(integrationSlug, refreshable);
        return Task.FromResult(refreshable);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sandbox credential refresh for {Integration}: {Refreshed}")]
    private partial void LogRefresh(string integration, bool refreshed);
}
