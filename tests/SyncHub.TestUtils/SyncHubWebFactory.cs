using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using SyncHub.Connectors;

namespace SyncHub.TestUtils;

/// <summary>
/// SyncHub's real host on its own SQLite file, demo off, one known API key and the <see cref="FakeGateway"/>
/// beside the real plugins. <see cref="StartKestrel"/> serves it on a loopback port for browser tests.
/// </summary>
public class SyncHubWebFactory : WebApplicationFactory<Program>
{
    public const string ApiKey = "test-api-key-0123456789";

    private readonly TempSqliteFile _database = new();
    public FakeGateway Gateway { get; } = new();

    /// <summary>Configuration on top of the defaults; set before the first client or server is created.</summary>
    public Dictionary<string, string?> Settings { get; } = new()
    {
        ["SyncHub:Demo:Enabled"] = "false",
        ["SyncHub:Delivery:BackgroundEnabled"] = "false",
        ["SyncHub:Delivery:InCallRetries"] = "0",
        ["SyncHub:ApiKeys:0"] = ApiKey,
    };

    /// <summary>Starts the app on a real loopback port and returns its base address.</summary>
    public string StartKestrel()
    {
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        StartServer();
        return Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
    }

    public HttpClient CreateApiClient()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:SyncHub", _database.ConnectionString);
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services => services.AddSingleton<IConnectorGateway>(Gateway));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _database.Dispose();
        }
    }
}
