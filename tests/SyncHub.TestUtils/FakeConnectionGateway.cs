using System.Collections.Concurrent;
using SyncHub.Connectors;

namespace SyncHub.TestUtils;

/// <summary>
/// An in-process connector named "fake-secure" that declares settings (a secret among them) and tests
/// connections: it succeeds when <c>clientSecret</c> is <see cref="GoodSecret"/>, otherwise refuses with a
/// message that carries markup, and can hang until cancelled. Deliveries always succeed.
/// </summary>
public sealed class FakeConnectionGateway : IConnectorGateway, IConnectionTest
{
    public const string Name = "fake-secure";
    public const string GoodSecret = "good-secret-4a7f";

    public ConnectorInfo Info { get; } = new(Name, "Fake secure", "2.3.4")
    {
        Settings =
        [
            new("apiUrl", "API URL") { Kind = SettingKind.Url, Required = true, Help = "Where the API lives." },
            new("clientId", "Client ID") { Required = true },
            new("clientSecret", "Client secret") { Required = true, Secret = true, Help = "From the developer portal." },
            new("pageSize", "Page size") { Kind = SettingKind.Number, Default = "50" },
            new("sandboxMode", "Sandbox mode") { Kind = SettingKind.Boolean },
        ],
        EntityTypes = ["invoice", "contact"],
        RateLimits = new ConnectorRateLimits { PerMinute = 60, PartitionSetting = "clientId" },
    };

    /// <summary>The settings of every connection test, in order.</summary>
    public ConcurrentQueue<ConnectorSettings> Tested { get; } = new();

    /// <summary>While set, a connection test waits until it is cancelled.</summary>
    public bool Hang { get; set; }

    /// <summary>A refusal quotes the secret it was given, as a careless provider does.</summary>
    public bool EchoSecret { get; set; }

    public Task<DeliveryOutcome> DeliverAsync(DeliveryRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(DeliveryOutcome.Delivered("EXT-" + request.SourceId, 201));

    public async Task<ConnectionTestResult> TestConnectionAsync(string integrationSlug, ConnectorSettings settings, CancellationToken cancellationToken)
    {
        Tested.Enqueue(settings);
        if (Hang)
        {
            // The behaviour under test: a connection check that never answers until the caller gives up.
            await Task.Delay(Timeout.InfiniteTimeSpan, TimeProvider.System, cancellationToken);
        }

        return settings.GetString("clientSecret") == GoodSecret
            ? ConnectionTestResult.Ok("Connected to <b>Demo Org</b>")
            : ConnectionTestResult.Failed(ErrorClass.Authentication, EchoSecret
                ? $"invalid_client: client_secret {settings.GetString("clientSecret")} is not known"
                : "invalid_client <script>alert(1)</script>");
    }
}
