using System.Text.Json;
using SyncHub.Connectors;
using SyncHub.Connectors.Xero.Faults;

namespace SyncHub.Connectors.Xero;

public sealed partial class XeroGateway : IConnectionTest, ICredentialRefresh
{
    /// <summary>Reads the organisation (<c>GET /Organisation</c>), refreshing the token if needed; changes nothing.</summary>
    public async Task<ConnectionTestResult> TestConnectionAsync(string integrationSlug, ConnectorSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!XeroSettings.TryRead(settings, out var xero, out var problem))
        {
            return ConnectionTestResult.Failed(ErrorClass.ConnectorFault, problem);
        }

        var url = new Uri($"{xero.BaseUrl}/Organisation");
        try
        {
            var answer = await _api.SendAsync(integrationSlug, xero, () => new HttpRequestMessage(HttpMethod.Get, url), cancellationToken);
            if (!answer.IsSuccess)
            {
                return XeroFaults.Classify(answer, null, _services.Time.GetUtcNow()).ToConnectionTest();
            }

            using var document = JsonDocument.Parse(answer.Body);
            return XeroJson.FirstItem(document.RootElement, "Organisations") is { } organisation
                && XeroJson.Text(organisation, "Name", 200) is { } name
                    ? ConnectionTestResult.Ok($"Connected to {name}")
                    : ConnectionTestResult.Failed(ErrorClass.SchemaMismatch, "Xero answered, but without the organisation's name.");
        }
        catch (JsonException)
        {
            return ConnectionTestResult.Failed(ErrorClass.SchemaMismatch, "Xero's answer about the organisation is not JSON.");
        }
        catch (HttpRequestException ex)
        {
            return ConnectionTestResult.Failed(ErrorClass.Transient, $"Could not reach Xero: {UntrustedText.OneLine(ex.Message, 200)}");
        }
    }

    /// <summary>Trades the refresh token for a new access token now (Xero rotates the refresh token too).</summary>
    public async Task<bool> RefreshCredentialsAsync(string integrationSlug, ConnectorSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!XeroSettings.TryRead(settings, out var xero, out _))
        {
            return false;
        }

        var seen = _tokens.CurrentVersion(integrationSlug, xero);
        var refreshed = await _tokens.RefreshAsync(integrationSlug, xero, seen, cancellationToken);
        return refreshed.Failure is null;
    }
}
