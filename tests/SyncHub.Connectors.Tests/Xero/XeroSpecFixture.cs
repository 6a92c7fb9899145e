using Microsoft.Extensions.Time.Testing;
using SyncHub.Connectors.Xero;
using SyncHub.Specs;

namespace SyncHub.Connectors.Tests.Xero;

/// <summary>
/// A Xero gateway talking to a spec server for the Xero Accounting API (every request checked against the
/// published spec) and to a scripted token endpoint.
/// </summary>
public abstract class XeroSpecFixture : IAsyncLifetime
{
    private HttpClient _http = null!;

    internal SpecServer Server { get; private set; } = null!;

    internal FakeXero Xero { get; private set; } = null!;

    internal FakeTimeProvider Time { get; } = XeroClock.Create();

    internal RecordingCredentialStore Store { get; } = new();

    internal XeroGateway Gateway { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await SpecServer.StartAsync("xero_accounting.yaml");
        Xero = new FakeXero(new SocketsHttpHandler());
        _http = new HttpClient(Xero);
        Gateway = new XeroGateway(new ConnectorServices(_http, Time, new CapturingLoggerFactory()) { Credentials = Store });
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        _http.Dispose();
    }

    /// <summary>Settings pointing the connector at the spec server.</summary>
    internal string Settings(string? accessToken = XeroSettingsJson.AccessToken) =>
        XeroSettingsJson.Create(accessToken: accessToken, baseUrl: Server.BaseUrl);

    internal DeliveryRequest Delivery(string entityType = "invoice", string? body = null, string? accessToken = XeroSettingsJson.AccessToken) =>
        XeroRequests.Delivery(entityType, body, Settings(accessToken));
}
