using Microsoft.Extensions.Logging;
using SyncHub.Connectors;
using SyncHub.Core.Plugins;
using SyncHub.Core.Redaction;
using SyncHub.Plugins.Protocol;

namespace SyncHub.Core.Integrations;

/// <summary>
/// Runs a connector's connection test with unsaved settings, bounded by a timeout. A connector that throws or
/// hangs is reported like a failed test; nothing is saved either way. The answer's text is shown without the
/// settings' secrets or anything shaped like a credential.
/// </summary>
public sealed partial class ConnectionTester(IConnectorCatalog catalog, TimeProvider time, ILogger<ConnectionTester> logger)
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);
    public const int MaxMessageLength = 500;

    public async Task<ConnectionTestReport> TestAsync(string connector, string slug, ConnectorSettings settings, CancellationToken cancellationToken)
    {
        if (catalog.Find(connector) is not { } gateway || gateway.Offering<IConnectionTest>(ConnectorCapabilities.TestConnection) is not { } tester)
        {
            return new ConnectionTestReport(false, false, "", "This connector cannot test connections.");
        }

        var redactor = ProviderTextRedactor.For(gateway.Info.Settings, settings);

        using var timeout = new CancellationTokenSource(Timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
        try
        {
            var result = await tester.TestConnectionAsync(slug, settings, linked.Token).WaitAsync(linked.Token);
            if (result is null)
            {
                return Failed(ErrorClass.ConnectorFault, "The connector returned no result.");
            }

            LogTested(connector, slug, result.Succeeded, result.ErrorClass);
            return new ConnectionTestReport(true, result.Succeeded, result.Succeeded ? "" : result.ErrorClass.ToString(), Truncate(redactor.RedactOrNull(result.Message)));
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return Failed(ErrorClass.Transient, $"No answer within {Timeout.TotalSeconds:0} seconds.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogTestThrew(connector, slug, ex.GetType().Name);
            return Failed(ErrorClass.ConnectorFault, "The connector failed: " + redactor.Redact(ex.Message));
        }
    }

    private static ConnectionTestReport Failed(ErrorClass errorClass, string message) => new(true, false, errorClass.ToString(), Truncate(message));

    private static string Truncate(string? message)
    {
        var text = string.IsNullOrWhiteSpace(message) ? "(no message)" : message.Trim();
        return text.Length > MaxMessageLength ? text[..(MaxMessageLength - 1)] + "…" : text;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Connection test of {Connector} for {Integration}: succeeded {Succeeded}, error class {ErrorClass}")]
    private partial void LogTested(string connector, string integration, bool succeeded, ErrorClass errorClass);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Connection test of {Connector} for {Integration} threw {ExceptionType}")]
    private partial void LogTestThrew(string connector, string integration, string exceptionType);
}
