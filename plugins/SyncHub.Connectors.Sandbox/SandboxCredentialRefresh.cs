using Microsoft.Extensions.Logging;

namespace SyncHub.Connectors.Sandbox;

/// <summary>A simulated credential refresh: it succeeds unless the setting <c>refresh</c> is <c>fail</c>.</summary>
internal sealed partial class SandboxCredentialRefresh(ILogger logger)
{
    public bool Refresh(string integrationSlug, ConnectorSettings settings)
    {
        var refreshable = !string.Equals(settings.GetString("refresh"), "fail", StringComparison.OrdinalIgnoreCase);
        LogRefresh(integrationSlug, refreshable);
        return refreshable;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sandbox credential refresh for {Integration}: {Refreshed}")]
    private partial void LogRefresh(string integration, bool refreshed);
}
