using System.Text.Json;
using SyncHub.Connectors.Xero.Faults;
using SyncHub.Connectors.Xero.Http;

namespace SyncHub.Connectors.Xero;

/// <summary>Reads the organisation (<c>GET /Organisation</c>), refreshing the token if needed; changes nothing.</summary>
internal sealed class XeroConnectionCheck(ConnectorServices services, XeroApi api)
{
    public async Task<ConnectionTestResult> TestAsync(string integrationSlug, ConnectorSettings settings, CancellationToken cancellationToken)
    {
        if (!XeroSettings.TryRead(settings, out var xero, out var problem))
        {
            return ConnectionTestResult.Failed(ErrorClass.ConnectorFault, problem);
        }

        var url = new Uri($"{xero.BaseUrl}/Organisation");
        try
        {
            var answer = await api.SendAsync(integrationSlug, xero, () => new HttpRequestMessage(HttpMethod.Get, url), cancellationToken);
            if (!answer.IsSuccess)
            {
                return XeroFaults.Classify(answer, null, services.Time.GetUtcNow()).ToConnectionTest();
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
}
