using Microsoft.Extensions.Logging;
using SyncHub.Connectors;
using SyncHub.Plugins.Protocol;

namespace SyncHub.Core.Redaction;

/// <summary>
/// A source connector seen through the redactor: a page that failed, or a throw, says why without the integration's
/// secrets or anything shaped like a credential, so run notes, connection notes, notifications and logs never hold one.
/// </summary>
internal sealed partial class RedactingSource(IConnectorSource source, string connector, ProviderTextRedactor redactor, ILogger logger) : IConnectorSource
{
    /// <summary>The gateway's source and credential refresh, both behind the redactor.</summary>
    public static (IConnectorSource Source, ICredentialRefresh? Refresher) Guard(IConnectorGateway gateway, ConnectorSettings settings, ILogger logger)
    {
        var redactor = ProviderTextRedactor.For(gateway.Info.Settings, settings);
        return (
            new RedactingSource((IConnectorSource)gateway, gateway.Info.Name, redactor, logger),
            gateway.Offering<ICredentialRefresh>(ConnectorCapabilities.CredentialRefresh) is { } refresher ? new RedactingRefresh(refresher, gateway.Info.Name, redactor, logger) : null);
    }

    public async Task<SourcePage> ReadAsync(SourceQuery query, CancellationToken cancellationToken)
    {
        try
        {
            var page = await source.ReadAsync(query, cancellationToken);
            return page is null ? page! : redactor.Redact(page);
        }
        catch (HttpRequestException ex)
        {
            throw new HttpRequestException(redactor.Redact(ex.Message), null, ex.StatusCode);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogSourceThrew(new RedactedException(ex, redactor), connector, query.IntegrationSlug);
            return SourcePage.Failed(ErrorClass.ConnectorFault, $"The connector failed: {ex.GetType().Name}: {redactor.Redact(ex.Message)}");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Connector {Connector} threw while reading the source of {Integration}")]
    private partial void LogSourceThrew(Exception exception, string connector, string integration);
}
