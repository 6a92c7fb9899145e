using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SyncHub.Connectors.Square;
using SyncHub.Specs;

namespace SyncHub.Connectors.Tests.Square;

/// <summary>
/// A Square spec server that also insists on the Square-Version header and refuses body fields the spec does not
/// declare (Square would drop them silently), optionally refuses operations whose scopes the token lacks, keeps
/// loyalty accounts like Square (<see cref="Loyalty"/>), and a gateway talking to it.
/// </summary>
public abstract class SquareServerFixture : IAsyncLifetime
{
    private readonly HttpClient _http = new();

    internal FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));

    internal SpecServer Server { get; private set; } = null!;

    internal SquareGateway Gateway { get; private set; } = null!;

    /// <summary>Square's loyalty accounts as the spec server keeps them for these tests.</summary>
    internal SquareLoyaltyStore Loyalty { get; private set; } = null!;

    /// <summary>The token's permissions; null grants every operation (the server does not check scopes).</summary>
    protected virtual IReadOnlyCollection<string>? GrantedScopes => null;

    public async Task InitializeAsync()
    {
        Server = await SpecServer.StartAsync("square_api.json", new SpecServerOptions
        {
            RequiredHeaders = ["Square-Version"],
            RejectUnknownProperties = true,
            GrantedScopes = GrantedScopes,
            ScopeRefusal = missing => ScriptedResponse.Json(403, SquareJson.Error(
                "AUTHENTICATION_ERROR", "INSUFFICIENT_SCOPES", $"The application must have the {string.Join(", ", missing)} scope.")),
        });
        Loyalty = new SquareLoyaltyStore(Server);
        Gateway = new SquareGateway(new ConnectorServices(_http, Time, NullLoggerFactory.Instance));
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        _http.Dispose();
    }
}
