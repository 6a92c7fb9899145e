using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using SyncHub.Connectors;
using SyncHub.Data.Entities;
using SyncHub.Processes;
using SyncHub.Web.Security;

namespace SyncHub.TestUtils;

/// <summary>
/// SyncHub's real host on its own SQLite file (its own PostgreSQL database when <c>SYNCHUB_TEST_STORE=postgres</c>), demo off, one known API key and the <see cref="FakeGateway"/>
/// beside the real plugins. <see cref="StartKestrel"/> serves it on a loopback port for browser tests.
/// </summary>
public class SyncHubWebFactory : WebApplicationFactory<Program>
{
    public const string ApiKey = "test-api-key-0123456789";

    private FakeSource? _source;
    public const string AdminEmail = "admin@test.local";

    /// <summary>The password of every user the factory creates.</summary>
    public const string Password = "correct-horse-battery-9";

    private readonly TempSqliteFile _database = new();
    private PostgresTestDatabase? _postgres;
    public FakeGateway Gateway { get; } = new();

    /// <summary>A connector that declares settings (one secret) and tests connections: <c>fake-secure</c>.</summary>
    public FakeConnectionGateway Secure { get; } = new();

    /// <summary>A connector whose destination can be reconciled (<c>fake-destination</c>) and damaged by tests.</summary>
    public FakeDestinationGateway Destination { get; } = new();

    /// <summary>Every log line the app writes.</summary>
    public CapturedLogs Logs { get; } = new();

    /// <summary>A source connector (<c>fake-source</c>) whose deliveries go through <see cref="Gateway"/>.</summary>
    public FakeSource Source => _source ??= new FakeSource(Gateway);

    /// <summary>
    /// True for a fresh PostgreSQL database, false for a SQLite file, whatever <c>SYNCHUB_TEST_STORE</c> says (tests of
    /// SQLite's own faults); unset follows the switch.
    /// </summary>
    public bool? Postgres { get; init; }

    /// <summary>Configuration on top of the defaults; set before the first client or server is created.</summary>
    public Dictionary<string, string?> Settings { get; } = new()
    {
        ["SyncHub:Demo:Enabled"] = "false",
        ["SyncHub:Database:EnforceWriteGate"] = "true",
        ["SyncHub:Delivery:BackgroundEnabled"] = "false",
        ["SyncHub:Delivery:InCallRetries"] = "0",
        ["SyncHub:Breakers:Enabled"] = "false",
        ["SyncHub:Dashboard:MoneyRefreshSeconds"] = "0",
        ["SyncHub:Dashboard:SummaryRefreshSeconds"] = "0",
        ["SyncHub:Jobs:StartDelaySeconds"] = "0",
        ["SyncHub:ApiKeys:0"] = ApiKey,
        ["SyncHub:Admin:Email"] = AdminEmail,
        ["SyncHub:Admin:Password"] = Password,
        ["SyncHub:Security:SignInAttemptsPerMinute"] = "10000",
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

    /// <summary>A client signed in through the real sign-in form as a user of <paramref name="role"/>.</summary>
    public async Task<HttpClient> CreateSignedInClientAsync(string role = Roles.Administrator)
    {
        var email = await EnsureUserAsync(role);
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await SignInAsync(client, email, Password);
        return client;
    }

    /// <summary>Creates (once) a user with the role; the administrator exists from configuration.</summary>
    public async Task<string> EnsureUserAsync(string role)
    {
        var email = role == Roles.Administrator ? AdminEmail : $"{role.ToLowerInvariant()}@test.local";
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<SyncHubUser>>();
        if (await users.FindByEmailAsync(email) is null)
        {
            var user = new SyncHubUser { UserName = email, Email = email, EmailConfirmed = true };
            var created = await users.CreateAsync(user, Password);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException(string.Join(" ", created.Errors.Select(e => e.Description)));
            }

            await users.AddToRoleAsync(user, role);
        }

        return email;
    }

    /// <summary>Signs a client in the way a browser does: GET the form, POST it with its antiforgery token.</summary>
    public static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password)
    {
        var form = await client.GetStringAsync("/account/sign-in");
        var token = AntiforgeryToken.FromHtml(form);
        var response = await client.PostAsync("/account/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Form.Email"] = email,
            ["Form.Password"] = password,
            ["__RequestVerificationToken"] = token,
        }));
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in as {email} failed: {(int)response.StatusCode}");
        }

        return response;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        if (Postgres ?? PostgresTestDatabase.Selected)
        {
            _postgres ??= PostgresTestDatabase.Create();
            builder.UseSetting("SyncHub:Database:Provider", "Postgres");
            builder.UseSetting("ConnectionStrings:SyncHub", _postgres.ConnectionString);
        }
        else
        {
            builder.UseSetting("ConnectionStrings:SyncHub", _database.ConnectionString);
        }

        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            services.AddSingleton<IConnectorGateway>(Gateway);
            services.AddSingleton<IConnectorGateway>(Source);
            services.AddSingleton<IConnectorGateway>(Secure);
            services.AddSingleton<IConnectorGateway>(Destination);
            services.AddSingleton<ILoggerProvider>(Logs);
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _database.Dispose();
            _postgres?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }
}
