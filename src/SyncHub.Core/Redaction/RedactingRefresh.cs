using Microsoft.Extensions.Logging;
using SyncHub.Connectors;

namespace SyncHub.Core.Redaction;

/// <summary>A connector's credential refresh whose throw is logged without credentials and reads as a refresh that did not work.</summary>
internal sealed partial class RedactingRefresh(ICredentialRefresh refresher, string connector, ProviderTextRedactor redactor, ILogger logger) : ICredentialRefresh
{
    public async Task<bool> RefreshCredentialsAsync(string integrationSlug, ConnectorSettings settings, CancellationToken cancellationToken)
    {
        try
        {
            return await refresher.RefreshCredentialsAsync(integrationSlug, settings, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogRefreshThrew(new RedactedException(ex, redactor), connector, integrationSlug);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Connector {Connector} threw while refreshing the credentials of {Integration}")]
    private partial void LogRefreshThrew(Exception exception, string connector, string integration);
}
